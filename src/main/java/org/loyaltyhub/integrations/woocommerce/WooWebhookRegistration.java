package org.loyaltyhub.integrations.woocommerce;

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
import java.util.Map;

/**
 * LoyaltyHub's webhooks in a WooCommerce shop (REST API v3): one of the topic with LoyaltyHub's address is switched
 * on and given the connection's secret (WooCommerce's secret cannot be read back), a missing one is created.
 */
@Component
class WooWebhookRegistration {

    static final List<String> TOPICS = List.of("order.created", "order.updated", "order.deleted", "customer.created");

    private final ShopHttp http;

    WooWebhookRegistration(ShopHttp http) {
        this.http = http;
    }

    WebhookReport register(Connection c, String url) throws ShopHttp.Unreachable {
        if (c.apiKey() == null || c.apiSecret() == null) {
            return WebhookReport.failed(url, "no WooCommerce consumer key and secret are stored for this connection");
        }
        Map<String, String> headers = Map.of("Authorization", ShopHttp.basic(c.apiKey(), c.apiSecret()),
                "Accept", "application/json", "Content-Type", "application/json");
        ShopHttp.Answer listed = http.send("GET", c.base() + "/wp-json/wc/v3/webhooks?per_page=100", headers, null);
        if (!listed.ok()) {
            return WebhookReport.failed(url, listed.refusal("WooCommerce"));
        }
        JsonNode existing = listed.json();
        if (existing == null || !existing.isArray()) {
            return WebhookReport.failed(url, "the answer does not look like the WooCommerce REST API (/wp-json/wc/v3)");
        }
        List<Topic> topics = new ArrayList<>();
        for (String topic : TOPICS) {
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
                    : new Topic(topic, "failed", a.refusal("WooCommerce")));
        }
        return WebhookReport.of(url, topics);
    }
}
