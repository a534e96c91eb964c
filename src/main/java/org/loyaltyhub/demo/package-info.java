/** Optional demo data (flag {@code loyaltyhub.demo=true}): a sample coalition seeded through the public REST API. */
package org.loyaltyhub.demo;
