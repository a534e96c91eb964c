package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Registers LoyaltyHub's webhooks in a shop through the shop's API (each platform's own way), so nobody copies
 * addresses and secrets by hand. Running it again changes nothing that is already right: a webhook of the topic with
 * LoyaltyHub's address is kept, a missing one is created. Platforms whose plugin posts by itself need none.
 */
@Component
public class HookRegistration {

    private final ShopPlatforms platforms;

    HookRegistration(ShopPlatforms platforms) {
        this.platforms = platforms;
    }

    /** What happened to one topic: created, updated, kept, or failed with the shop's reason. */
    public record Topic(String topic, String action, String problem) {
    }

    /** The topics' results; {@code problem} says why nothing could be done at all. */
    public record Report(boolean ok, String deliveryUrl, List<Topic> topics, String problem) {
        public static Report failed(String deliveryUrl, String problem) {
            return new Report(false, deliveryUrl, List.of(), problem);
        }
    }

    /**
     * @param publicBase the address shops reach LoyaltyHub at, without a trailing slash
     */
    public Report register(Connection c, String publicBase) {
        String url = publicBase + "/api/v1/hooks/" + c.platform().slug() + "/" + c.id();
        try {
            return platforms.of(c.platform()).registerWebhooks(c, url);
        } catch (ShopHttp.Unreachable e) {
            return Report.failed(url, e.getMessage());
        }
    }

    /** The report of the topics: ok when none failed. */
    public static Report report(String url, List<Topic> topics) {
        boolean ok = topics.stream().noneMatch(t -> t.action().equals("failed"));
        return new Report(ok, url, List.copyOf(topics), ok ? null : "the shop refused some webhooks");
    }

    /** The shop's refusal in words: its status and the message it gave, if any. */
    public static String refusal(String shop, ShopHttp.Answer a) {
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

    /** The JSON of a shop's answer, or null when it is none. */
    public static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
