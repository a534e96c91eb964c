package org.loyaltyhub.integrations.internal;

import java.util.List;

/** What registering LoyaltyHub's webhooks in a shop did, topic by topic; {@code problem} says why nothing could be done. */
public record WebhookReport(boolean ok, String deliveryUrl, List<Topic> topics, String problem) {

    /** What happened to one topic: created, updated, kept, or failed with the shop's reason. */
    public record Topic(String topic, String action, String problem) {
    }

    public static WebhookReport failed(String deliveryUrl, String problem) {
        return new WebhookReport(false, deliveryUrl, List.of(), problem);
    }

    /** The report of the topics: ok when none failed. */
    public static WebhookReport of(String url, List<Topic> topics) {
        boolean ok = topics.stream().noneMatch(t -> t.action().equals("failed"));
        return new WebhookReport(ok, url, List.copyOf(topics), ok ? null : "the shop refused some webhooks");
    }
}
