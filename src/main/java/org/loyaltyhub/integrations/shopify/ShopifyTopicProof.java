package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Json;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/**
 * Shopify signs a webhook's body, not its {@code X-Shopify-Topic} header: a signed order body re-sent under another
 * topic still verifies. So the topics that erase, forget or disconnect are believed only when the body has the
 * shape Shopify documents for them, and names this connection's shop:
 * <ul>
 *   <li>{@code shop/redact}: {@code {shop_id, shop_domain}} and nothing of an order or a customer;</li>
 *   <li>{@code customers/redact}: {@code {shop_id, shop_domain, customer, orders_to_redact}};</li>
 *   <li>{@code customers/data_request}: {@code {shop_id, shop_domain, customer, orders_requested, data_request}};</li>
 *   <li>{@code app/uninstalled}: the Shop object, whose {@code myshopify_domain} no order or customer has.</li>
 * </ul>
 */
final class ShopifyTopicProof {

    private ShopifyTopicProof() {
    }

    /** Why the body does not prove the topic; empty when it does, or when the topic needs no proof. */
    static Optional<String> unproven(Connection c, String topic, JsonNode body) {
        return switch (topic) {
            case "shop/redact" -> privacyBody(c, body).or(() -> body.has("customer") || body.has("id")
                    ? Optional.of("a shop redaction names a shop only, not a customer or an order") : Optional.empty());
            case "customers/redact" -> privacyBody(c, body).or(() -> customer(body))
                    .or(() -> array(body, "orders_to_redact"));
            case "customers/data_request" -> privacyBody(c, body).or(() -> customer(body))
                    .or(() -> array(body, "orders_requested"))
                    .or(() -> body.path("data_request").isObject() ? Optional.empty()
                            : Optional.of("it has no data_request"));
            case "app/uninstalled" -> sameShop(c, Json.text(body, "myshopify_domain"), "myshopify_domain");
            default -> Optional.empty();
        };
    }

    private static Optional<String> privacyBody(Connection c, JsonNode body) {
        if (Json.text(body, "shop_id") == null) {
            return Optional.of("it has no shop_id");
        }
        return sameShop(c, Json.text(body, "shop_domain"), "shop_domain");
    }

    private static Optional<String> sameShop(Connection c, String domain, String field) {
        if (domain == null) {
            return Optional.of("it has no " + field);
        }
        return domain.toLowerCase(Locale.ROOT).equals(c.shopDomain()) ? Optional.empty()
                : Optional.of("its " + field + " " + domain + " is not this connection's shop");
    }

    private static Optional<String> customer(JsonNode body) {
        JsonNode customer = body.path("customer");
        return customer.isObject() && (Json.text(customer, "id") != null || Json.text(customer, "email") != null)
                ? Optional.empty() : Optional.of("it names no customer");
    }

    private static Optional<String> array(JsonNode body, String field) {
        return body.path(field).isArray() ? Optional.empty() : Optional.of("it has no " + field);
    }
}
