package org.loyaltyhub.privacy;

/** Who asked for an erasure: an administrator, the customer, a shop (Shopify's customers/redact), or retention. */
public enum ErasureSource {
    ADMINISTRATOR, CUSTOMER, SHOP, RETENTION
}
