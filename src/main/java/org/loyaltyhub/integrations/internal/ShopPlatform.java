package org.loyaltyhub.integrations.internal;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One shop platform: everything about it that differs from the others. The shared core (deliveries, connections,
 * codes, widget, customer matching) reaches a platform only through this, found in {@link ShopPlatforms}; a new
 * platform is one new package with one implementation.
 */
public interface ShopPlatform {

    Platform platform();

    /**
     * Verifies a delivery's signature on the raw bytes (the connection's secret, then the previous one) and says what
     * it is: a ping, or a topic to store under a dedupe key. Throws {@link BadSignature} when it does not verify.
     */
    Inbound verify(Connection c, Function<String, String> header, byte[] body);

    /**
     * The connection a delivery to the platform's app-wide address (no connection id in the URL) belongs to: the one
     * whose secret verifies the body. Platforms without such an address have none.
     */
    default Connection appWideConnection(Function<String, String> header, byte[] body) {
        throw new org.loyaltyhub.shared.NotFound("Connection", platform().slug());
    }

    /** Turns a verified, stored delivery into purchases, members and points. */
    Outcome handle(Connection c, String topic, JsonNode body);

    /** "Test connection": one harmless read from the shop's API with the stored credentials. */
    CheckResult check(Connection c) throws ShopHttp.Unreachable;

    /** Whether LoyaltyHub registers its webhooks through the shop's API (others' plugins post by themselves). */
    default boolean registersWebhooks() {
        return false;
    }

    /** Registers LoyaltyHub's webhooks at {@code url} in the shop; nothing to do where the plugin posts by itself. */
    default WebhookReport registerWebhooks(Connection c, String url) throws ShopHttp.Unreachable {
        return new WebhookReport(true, url, List.of(), null);
    }

    /** Whether a connection without pasted API keys gets them by the shop's administrator approving LoyaltyHub. */
    default boolean approvesKeysInShop() {
        return false;
    }

    /** What the webhook secret is when the shop, not LoyaltyHub, sets it (it is then required); empty: generated. */
    default Optional<String> secretSetByShop() {
        return Optional.empty();
    }

    /** Whether the connection holds the credentials the shop's API needs. */
    default boolean hasApiCredentials(Connection c) {
        return c.apiKey() != null;
    }

    /** The shop's API for single-use discount codes; empty when the platform cannot make them. */
    default Optional<DiscountApi> discounts() {
        return Optional.empty();
    }

    /** Whom a discount code is restricted to in this shop: its customer key. */
    default CustomerKey customerKey() {
        return CustomerKey.SHOP_CUSTOMER_ID;
    }

    /**
     * The platform whose connection at the same address makes this one's discount codes (a WordPress site's
     * WooCommerce: a WooCommerce customer is a WordPress user); empty: its own.
     */
    default Optional<Platform> codesMadeBy() {
        return Optional.empty();
    }

    /** How a shop names the customer a code is for. */
    enum CustomerKey {
        EMAIL, SHOP_CUSTOMER_ID
    }
}
