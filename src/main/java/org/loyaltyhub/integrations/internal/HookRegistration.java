package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers LoyaltyHub's webhooks in a shop through the shop's API, so nobody copies addresses and secrets by hand.
 * Running it again changes nothing that is already right: a webhook of the topic with LoyaltyHub's address is kept
 * (WooCommerce: switched on and given the connection's secret, since its secret cannot be read back), a missing
 * one is created. PrestaShop and WordPress need none: the module and the plugin post to LoyaltyHub themselves.
 */
@Component
public class HookRegistration {

    static final List<String> WOO_TOPICS = List.of("order.created", "order.updated", "order.deleted", "customer.created");
    static final List<String> SHOPIFY_TOPICS = List.of("ORDERS_CREATE", "ORDERS_PAID", "ORDERS_FULFILLED",
            "ORDERS_CANCELLED", "REFUNDS_CREATE", "CUSTOMERS_CREATE", "APP_UNINSTALLED");

    static final String SHOPIFY_LIST = "query { webhookSubscriptions(first: 100) { nodes { id topic uri } } }";
    static final String SHOPIFY_CREATE = "mutation webhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, "
            + "$webhookSubscription: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, "
            + "webhookSubscription: $webhookSubscription) { webhookSubscription { id } userErrors { field message } } }";

    private final ShopHttp http;

    HookRegistration(ShopHttp http) {
        this.http = http;
    }

    /** What happened to one topic: created, updated, kept, or failed with the shop's reason. */
    public record Topic(String topic, String action, String problem) {
    }

    /** The topics' results; {@code problem} says why nothing could be done at all. */
    public record Report(boolean ok, String deliveryUrl, List<Topic> topics, String problem) {
        static Report failed(String deliveryUrl, String problem) {
            return new Report(false, deliveryUrl, List.of(), problem);
        }
    }

    /**
     * @param publicBase the address shops reach LoyaltyHub at, without a trailing slash
     */
    public Report register(Connection c, String publicBase) {
        String url = publicBase + "/api/v1/hooks/" + c.platform().slug() + "/" + c.id();
        try {
            return switch (c.platform()) {
                case WOOCOMMERCE -> woo(c, url);
                case SHOPIFY -> shopify(c, url);
                case PRESTASHOP, WORDPRESS -> new Report(true, url, List.of(), null);
            };
        } catch (ShopHttp.Unreachable e) {
            return Report.failed(url, e.getMessage());
        }
    }

    private Report woo(Connection c, String url) throws ShopHttp.Unreachable {
        if (c.apiKey() == null || c.apiSecret() == null) {
            return Report.failed(url, "no WooCommerce consumer key and secret are stored for this connection");
        }
        Map<String, String> headers = Map.of("Authorization", ShopHttp.basic(c.apiKey(), c.apiSecret()),
                "Accept", "application/json", "Content-Type", "application/json");
        ShopHttp.Answer listed = http.send("GET", c.base() + "/wp-json/wc/v3/webhooks?per_page=100", headers, null);
        if (!listed.ok()) {
            return Report.failed(url, refusal("WooCommerce", listed));
        }
        JsonNode existing = parse(listed.body());
        if (existing == null || !existing.isArray()) {
            return Report.failed(url, "the answer does not look like the WooCommerce REST API (/wp-json/wc/v3)");
        }
        List<Topic> topics = new ArrayList<>();
        for (String topic : WOO_TOPICS) {
            String id = null;
            for (JsonNode w : existing) {
                if (topic.equals(Json.text(w, "topic")) && url.equals(Json.text(w, "delivery_url"))) {
                    id = Json.text(w, "id");
                }
            }
            ObjectNode body = Json.MAPPER.createObjectNode().put("status", "active").put("secret", c.webhookSecret());
            ShopHttp.Answer a;
            if (id != null) {
                a = http.send("PUT", c.base() + "/wp-json/wc/v3/webhooks/" + id, headers, body.toString());
            } else {
                body.put("name", "LoyaltyHub " + topic).put("topic", topic).put("delivery_url", url);
                a = http.send("POST", c.base() + "/wp-json/wc/v3/webhooks", headers, body.toString());
            }
            topics.add(a.ok() ? new Topic(topic, id != null ? "updated" : "created", null)
                    : new Topic(topic, "failed", refusal("WooCommerce", a)));
        }
        return report(url, topics);
    }

    private Report shopify(Connection c, String url) throws ShopHttp.Unreachable {
        if (c.apiKey() == null) {
            return Report.failed(url, "no Shopify access token is stored for this connection");
        }
        ShopHttp.Answer listed = graphql(c, SHOPIFY_LIST, null);
        JsonNode data = data(listed);
        if (data == null) {
            return Report.failed(url, refusal("Shopify", listed));
        }
        List<Topic> topics = new ArrayList<>();
        for (String topic : SHOPIFY_TOPICS) {
            boolean present = false;
            for (JsonNode w : data.path("webhookSubscriptions").path("nodes")) {
                present |= topic.equals(Json.text(w, "topic")) && url.equals(Json.text(w, "uri"));
            }
            if (present) {
                topics.add(new Topic(topic, "kept", null));
                continue;
            }
            ObjectNode variables = Json.MAPPER.createObjectNode().put("topic", topic);
            variables.putObject("webhookSubscription").put("uri", url).put("format", "JSON");
            ShopHttp.Answer a = graphql(c, SHOPIFY_CREATE, variables);
            JsonNode created = data(a);
            if (created == null) {
                topics.add(new Topic(topic, "failed", refusal("Shopify", a)));
                continue;
            }
            JsonNode errors = created.path("webhookSubscriptionCreate").path("userErrors");
            topics.add(errors.isArray() && !errors.isEmpty()
                    ? new Topic(topic, "failed", "Shopify refused: " + Json.text(errors.get(0), "message"))
                    : new Topic(topic, "created", null));
        }
        return report(url, topics);
    }

    private ShopHttp.Answer graphql(Connection c, String query, ObjectNode variables) throws ShopHttp.Unreachable {
        ObjectNode body = Json.MAPPER.createObjectNode().put("query", query);
        if (variables != null) {
            body.set("variables", variables);
        }
        return http.shopifyGraphql(c, body.toString());
    }

    /** The {@code data} of a successful GraphQL answer, or null. */
    private static JsonNode data(ShopHttp.Answer a) {
        JsonNode json = a.ok() ? parse(a.body()) : null;
        if (json == null || (json.path("errors").isArray() && !json.path("errors").isEmpty())
                || !json.path("data").isObject()) {
            return null;
        }
        return json.path("data");
    }

    private static Report report(String url, List<Topic> topics) {
        boolean ok = topics.stream().noneMatch(t -> t.action().equals("failed"));
        return new Report(ok, url, List.copyOf(topics), ok ? null : "the shop refused some webhooks");
    }

    /** The shop's refusal in words: its status and the message it gave, if any. */
    static String refusal(String shop, ShopHttp.Answer a) {
        JsonNode json = parse(a.body());
        String message = null;
        if (json != null) {
            message = Json.text(json, "message");
            if (message == null && json.path("errors").isArray() && !json.path("errors").isEmpty()) {
                message = Json.text(json.path("errors").get(0), "message");
            }
            if (message == null && json.path("errors").isString()) {
                message = json.path("errors").asString();
            }
        }
        String status = a.status() == 401 || a.status() == 403 ? "bad credentials (HTTP " + a.status() + ")"
                : a.ok() ? "an unexpected answer" : "HTTP " + a.status();
        return shop + " answered " + status + (message != null ? ": " + message : "");
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
