package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.internal.Connection;

import org.loyaltyhub.integrations.internal.WebhookReport;
import org.loyaltyhub.integrations.internal.WebhookReport.Topic;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** LoyaltyHub's webhook subscriptions in a Shopify shop (Admin GraphQL): one of the topic and address is kept, a missing one created. */
@Component
public class ShopifyWebhookRegistration {

    public static final List<String> TOPICS = List.of("ORDERS_CREATE", "ORDERS_PAID", "ORDERS_FULFILLED",
            "ORDERS_CANCELLED", "REFUNDS_CREATE", "CUSTOMERS_CREATE", "APP_UNINSTALLED");

    static final String LIST = "query { webhookSubscriptions(first: 100) { nodes { id topic uri } } }";
    static final String CREATE = "mutation webhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, "
            + "$webhookSubscription: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, "
            + "webhookSubscription: $webhookSubscription) { webhookSubscription { id } userErrors { field message } } }";

    private final ShopifyAdmin admin;

    ShopifyWebhookRegistration(ShopifyAdmin admin) {
        this.admin = admin;
    }

    WebhookReport register(Connection c, String url) throws ShopHttp.Unreachable {
        if (c.apiKey() == null) {
            return WebhookReport.failed(url, "no Shopify access token is stored for this connection");
        }
        ShopHttp.Answer listed = admin.graphql(c, LIST, null);
        JsonNode data = ShopifyAdmin.data(listed);
        if (data == null) {
            return WebhookReport.failed(url, listed.refusal("Shopify"));
        }
        List<Topic> topics = new ArrayList<>();
        for (String topic : TOPICS) {
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
            ShopHttp.Answer a = admin.graphql(c, CREATE, variables);
            JsonNode created = ShopifyAdmin.data(a);
            if (created == null) {
                topics.add(new Topic(topic, "failed", a.refusal("Shopify")));
                continue;
            }
            JsonNode errors = created.path("webhookSubscriptionCreate").path("userErrors");
            topics.add(errors.isArray() && !errors.isEmpty()
                    ? new Topic(topic, "failed", "Shopify refused: " + Json.text(errors.get(0), "message"))
                    : new Topic(topic, "created", null));
        }
        return WebhookReport.of(url, topics);
    }
}
