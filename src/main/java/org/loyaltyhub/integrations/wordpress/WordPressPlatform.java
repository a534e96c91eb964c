package org.loyaltyhub.integrations.wordpress;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.CheckResult;
import org.loyaltyhub.integrations.internal.CustomerMatcher;
import org.loyaltyhub.integrations.internal.Inbound;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Outcome;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.PluginFormat;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopOrder;
import org.loyaltyhub.integrations.internal.ShopPlatform;
import org.loyaltyhub.programs.ActionAwards;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * WordPress, through LoyaltyHub's plugin: {@code review.approved} gives the program's review points once per
 * review, and keeps its rating (1 to 5 stars, when the review has one) for the member's indicators; {@code customer.created} enrols the new user. Reviews by people who are not members are ignored. The
 * plugin posts its webhooks by itself; the site's discount codes are made by the company's WooCommerce connection
 * at the same address.
 */
@Component
class WordPressPlatform implements ShopPlatform {

    private final CustomerMatcher matcher;
    private final ActionAwards awards;
    private final org.loyaltyhub.programs.ReviewScores scores;
    private final ShopHttp http;
    private final java.time.Clock clock;

    WordPressPlatform(CustomerMatcher matcher, ActionAwards awards, org.loyaltyhub.programs.ReviewScores scores,
                      ShopHttp http, java.time.Clock clock) {
        this.clock = clock;
        this.matcher = matcher;
        this.scores = scores;
        this.awards = awards;
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.WORDPRESS;
    }

    @Override
    public Inbound verify(Connection c, Function<String, String> header, byte[] body) {
        return PluginFormat.verify(c, header, body);
    }

    @Override
    public Outcome handle(Connection c, String topic, JsonNode body) {
        return switch (topic) {
            case "review.approved" -> review(c, body.path("review"));
            case "customer.created" -> PluginFormat.customerCreated(c, body.path("customer"), matcher);
            case "ping" -> Outcome.processed("ping", null);
            default -> Outcome.ignored("topic " + topic + " is not used", null);
        };
    }

    @Override
    public CheckResult check(Connection c) throws ShopHttp.Unreachable {
        ShopHttp.Answer a = http.send("GET", c.base() + "/wp-json/", Map.of("Accept", "application/json"), null);
        return CheckResult.judge(a, "WordPress REST API (/wp-json)", "WordPress refused the request",
                body -> body.has("name") ? CheckResult.fine(body.path("name").asString()) : null);
    }

    @Override
    public Optional<Platform> codesMadeBy() {
        return Optional.of(Platform.WOOCOMMERCE);
    }

    private Outcome review(Connection c, JsonNode review) {
        String id = Json.require(review, "id");
        String userId = Json.text(review, "user_id");
        boolean guest = userId == null || userId.equals("0");
        ShopOrder.Customer author = new ShopOrder.Customer(guest ? null : userId, Json.text(review, "email"),
                null, null, null, null, null);
        Optional<Long> member = matcher.match(c, author, false);
        if (member.isEmpty()) {
            return Outcome.ignored("review " + id + " is not by a member", guest ? null : userId);
        }
        String reference = c.platform().slug() + ":" + c.id() + ":review:" + id;
        JsonNode rating = review.path("rating");
        if (rating.isIntegralNumber() && rating.asInt() >= 1 && rating.asInt() <= 5) {
            scores.record(c.circuitId(), member.get(), reference, new org.loyaltyhub.programs.ReviewRating(rating.asInt()),
                    approvedAt(review));
        }
        long points = awards.review(c.caller(), member.get(), reference);
        return points > 0 ? Outcome.processed(points + " review points for member " + member.get(), guest ? null : userId)
                : Outcome.ignored("no review points: the program gives none, or this review already earned them",
                guest ? null : userId);
    }

    /** When the review was approved, as the plugin says; without it, when it arrives. */
    private java.time.Instant approvedAt(JsonNode review) {
        try {
            return java.time.OffsetDateTime.parse(review.path("approved_at").asString()).toInstant();
        } catch (RuntimeException unreadable) {
            return clock.instant();
        }
    }
}
