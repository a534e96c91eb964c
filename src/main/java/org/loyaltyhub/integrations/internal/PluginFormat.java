package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import tools.jackson.databind.JsonNode;

import java.util.function.Function;

/**
 * The webhook format of LoyaltyHub's own shop plugins (the PrestaShop module and the WordPress plugin): signed with
 * {@code X-LoyaltyHub-Signature}, the event named in the signed body, and one shape for a customer.
 */
public final class PluginFormat {

    private PluginFormat() {
    }

    public static Inbound verify(Connection c, Function<String, String> header, byte[] body) {
        Inbound.verifySignature(c, header.apply("X-LoyaltyHub-Signature"), body, "X-LoyaltyHub-Signature");
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException e) {
            throw new LoyaltyException("invalid-payload", Failure.INVALID, "The body is not JSON");
        }
        // the body's event is signed, the header is not: the body decides
        String topic = Json.text(json, "event") != null ? Json.text(json, "event") : header.apply("X-LoyaltyHub-Topic");
        Inbound.required(topic, "event");
        if (topic.equals("ping")) {
            return Inbound.aPing();
        }
        String eventId = header.apply("X-LoyaltyHub-Event-Id");
        String key = eventId != null ? "event:" + eventId : Inbound.hashKey(topic, body);
        return Inbound.of(topic, key, "topic", topic, "eventId", eventId, "shop", header.apply("X-LoyaltyHub-Shop"));
    }

    /** The plugins' customer; null when the body has none. */
    public static ShopOrder.Customer customer(JsonNode c) {
        if (!c.isObject()) {
            return null;
        }
        return new ShopOrder.Customer(Json.flag(c, "is_guest") ? null : Json.text(c, "id"), Json.text(c, "email"),
                Json.text(c, "firstname"), Json.text(c, "lastname"), Json.date(c, "birthday"),
                Json.optionalFlag(c, "optin"), Json.optionalFlag(c, "newsletter"));
    }

    /** {@code customer.created}: the new customer enrolled, or why not. */
    public static Outcome customerCreated(Connection c, JsonNode body, CustomerMatcher matcher) {
        ShopOrder.Customer customer = customer(body);
        if (customer == null) {
            throw new IllegalArgumentException("the payload has no customer");
        }
        return matcher.match(c, customer, true)
                .map(m -> Outcome.processed("customer " + customer.id() + " is member " + m, customer.id()))
                .orElseGet(() -> Outcome.ignored("customer " + customer.id() + " was not enrolled"
                        + (customer.guest() && !c.enrolGuests() ? " (a guest; this connection does not enrol guests)"
                        : " (no usable e-mail)"), customer.id()));
    }
}
