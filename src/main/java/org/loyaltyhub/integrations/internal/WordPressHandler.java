package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.programs.ActionAwards;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * WordPress, through LoyaltyHub's plugin: {@code review.approved} gives the program's review points once per
 * review; {@code customer.created} enrols the new user. Reviews by people who are not members are ignored.
 */
@Component
class WordPressHandler implements Handler {

    private final CustomerMatcher matcher;
    private final ActionAwards awards;

    WordPressHandler(CustomerMatcher matcher, ActionAwards awards) {
        this.matcher = matcher;
        this.awards = awards;
    }

    @Override
    public Platform platform() {
        return Platform.WORDPRESS;
    }

    @Override
    public Outcome handle(Connection c, String topic, JsonNode body) {
        return switch (topic) {
            case "review.approved" -> review(c, body.path("review"));
            case "customer.created" -> PrestaShopHandler.customer(c, body.path("customer"), matcher);
            case "ping" -> Outcome.processed("ping", null);
            default -> Outcome.ignored("topic " + topic + " is not used", null);
        };
    }

    private Outcome review(Connection c, JsonNode review) {
        String id = WooCommerceHandler.require(review, "id");
        String userId = Json.text(review, "user_id");
        boolean guest = userId == null || userId.equals("0");
        ShopOrder.Customer author = new ShopOrder.Customer(guest ? null : userId, Json.text(review, "email"),
                null, null, null, null, null);
        Optional<Long> member = matcher.match(c, author, false);
        if (member.isEmpty()) {
            return Outcome.ignored("review " + id + " is not by a member", guest ? null : userId);
        }
        long points = awards.review(c.caller(), member.get(), c.platform().slug() + ":" + c.id() + ":review:" + id);
        return points > 0 ? Outcome.processed(points + " review points for member " + member.get(), guest ? null : userId)
                : Outcome.ignored("no review points: the program gives none, or this review already earned them",
                guest ? null : userId);
    }
}
