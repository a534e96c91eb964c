package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.NotFound;

import java.util.Locale;

/** The shops LoyaltyHub connects to; the lower-case name is used in URLs and purchase channels. */
public enum Platform {
    WOOCOMMERCE, SHOPIFY, PRESTASHOP, WORDPRESS;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform ofSlug(String slug) {
        for (Platform p : values()) {
            if (p.slug().equals(slug)) {
                return p;
            }
        }
        throw new NotFound("Platform", slug);
    }
}
