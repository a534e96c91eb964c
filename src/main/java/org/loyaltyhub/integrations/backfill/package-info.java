/** Backfill from a connected shop: a period's customers and orders read page by page and recorded as its webhooks would be. */
package org.loyaltyhub.integrations.backfill;
