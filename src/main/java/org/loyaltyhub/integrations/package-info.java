/** Shop integrations (WooCommerce, Shopify, PrestaShop, WordPress): connections, signed inbound webhooks turned into purchases and points, and shop API calls. */
package org.loyaltyhub.integrations;
