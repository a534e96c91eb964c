package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrestaShopAndWordPressWebhooksTest extends ShopScenario {

    private String email;

    private Shops.Answer deliver(String platform, String eventId, String body) {
        return Shops.post(port, "/api/v1/hooks/" + platform + "/" + connectionId, "application/json", body,
                Map.of("X-LoyaltyHub-Signature", Shops.sign(secret, body), "X-LoyaltyHub-Event-Id", eventId,
                        "X-LoyaltyHub-Topic", "ignored-the-body-decides", "X-LoyaltyHub-Shop", "https://shop.test"));
    }

    private String order(String event, String state, String slips) {
        return """
                {"event":"%s","order":{"id":123,"reference":"XKB","currency":"EUR","total_paid_tax_incl":"59.90",
                "total_products_wt":"50.00","total_shipping_tax_incl":"9.90","date_add":"2026-01-20T10:00:00+01:00",
                "customer":{"id":7,"email":"%s","firstname":"Anna","lastname":"Rossi","newsletter":true,"optin":false,"is_guest":false},
                "state":%s,
                "lines":[{"product_id":"10","product_reference":"SKU-1","quantity":"2","unit_price_tax_incl":"29.95","total_price_tax_incl":"59.90"}],
                "slips":%s,"refunded_total":"0","cart_rules":[]}}""".formatted(event, email, state, slips);
    }

    /** A state as the module describes it: PrestaShop's own flags, and the three states the shop designates. */
    private static String state(boolean paid, boolean shipped, boolean cancelled) {
        return "{\"id\":2,\"name\":\"x\",\"paid\":%s,\"logable\":%s,\"shipped\":%s,\"delivery\":%s,\"cancelled\":%s,\"refunded\":false}"
                .formatted(paid, paid, shipped, shipped, cancelled);
    }

    // PrestaShop's default states with their flags (install-dev/data/xml/order_state.xml)
    private static final String PAYMENT_ACCEPTED = "{\"id\":2,\"name\":\"Payment accepted\",\"paid\":true,\"logable\":true,"
            + "\"shipped\":false,\"delivery\":false,\"cancelled\":false,\"refunded\":false,\"failed\":false}";
    private static final String PROCESSING_IN_PROGRESS = "{\"id\":3,\"name\":\"Processing in progress\",\"paid\":true,"
            + "\"logable\":true,\"shipped\":false,\"delivery\":true,\"cancelled\":false,\"refunded\":false,\"failed\":false}";
    private static final String SHIPPED = "{\"id\":4,\"name\":\"Shipped\",\"paid\":true,\"logable\":true,"
            + "\"shipped\":true,\"delivery\":true,\"cancelled\":false,\"refunded\":false,\"failed\":false}";
    private static final String AWAITING_BANK_WIRE = "{\"id\":10,\"name\":\"Awaiting bank wire payment\",\"paid\":false,"
            + "\"logable\":false,\"shipped\":false,\"delivery\":false,\"cancelled\":false,\"refunded\":false,\"failed\":false}";
    private static final String PAYMENT_ERROR = "{\"id\":8,\"name\":\"Payment error\",\"paid\":false,\"logable\":false,"
            + "\"shipped\":false,\"delivery\":false,\"cancelled\":false,\"refunded\":false,\"failed\":true}";

    @Test
    void pointsAreReleasedWhenThePrestaShopOrderIsShippedNotWhileItIsPrepared() {
        connect("PRESTASHOP", Map.of("pendingFrom", "PAID", "awardMoment", "COMPLETED"), Map.of());
        email = Fixtures.unique("ship") + "@presta.test";
        processed(deliver("prestashop", "s-1", order("order.validated", PAYMENT_ACCEPTED, "[]")));
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(pending(m)).isEqualTo(59);
        processed(deliver("prestashop", "s-2", order("order.status", PROCESSING_IN_PROGRESS, "[]")
                .replace("\"date_add\"", "\"date_upd\":\"2026-01-20T11:00:00+01:00\",\"date_add\"")));
        assertThat(available(m)).as("the delivery slip is shown, nothing has shipped").isZero();
        assertThat(pending(m)).isEqualTo(59);
        processed(deliver("prestashop", "s-3", order("order.status", SHIPPED, "[]")
                .replace("\"date_add\"", "\"date_upd\":\"2026-01-21T11:00:00+01:00\",\"date_add\"")));
        assertThat(available(m)).isEqualTo(59);
        assertThat(pending(m)).isZero();
    }

    @Test
    void prestaShopPointsAreEarnedOnTheGoodsWithoutTaxAndShippingAfterVouchers() {
        connect("PRESTASHOP", Map.of("pendingFrom", "PAID", "awardMoment", "COMPLETED"), Map.of());
        email = Fixtures.unique("voucher") + "@presta.test";
        // 2 x 25.00 tax included (20.491803 without tax), a 5.00 voucher (4.098361 without tax), 9.90 of shipping
        String body = order("order.validated", PAYMENT_ACCEPTED, "[]")
                .replace("\"total_paid_tax_incl\":\"59.90\"", "\"total_paid_tax_incl\":\"54.90\"")
                .replace("\"unit_price_tax_incl\":\"29.95\",\"total_price_tax_incl\":\"59.90\"",
                        "\"unit_price_tax_incl\":\"25.00\",\"total_price_tax_incl\":\"50.00\","
                                + "\"unit_price_tax_excl\":\"20.491803\",\"total_price_tax_excl\":\"40.983607\"")
                .replace("\"cart_rules\":[]", "\"cart_rules\":[{\"code\":\"LH-ABC123\",\"value\":\"5.00\",\"value_tax_excl\":\"4.098361\"}]");
        assertThat(body).contains("value_tax_excl", "54.90");
        processed(deliver("prestashop", "v-1", body));
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(pending(m)).as("40.98 - 4.10 = 36.89 of goods").isEqualTo(36);
    }

    @Test
    void aPrestaShopPaymentErrorCancelsTheOrderLikeAFailedWooCommerceOne() {
        connect("PRESTASHOP", Map.of("pendingFrom", "CREATED", "awardMoment", "PAID"), Map.of());
        email = Fixtures.unique("error") + "@presta.test";
        processed(deliver("prestashop", "e-1", order("order.validated", AWAITING_BANK_WIRE, "[]")));
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(pending(m)).isEqualTo(59);
        JsonNode failed = processed(deliver("prestashop", "e-2", order("order.status", PAYMENT_ERROR, "[]")
                .replace("\"date_add\"", "\"date_upd\":\"2026-01-20T11:00:00+01:00\",\"date_add\"")));
        assertThat(failed.path("outcome").asString()).contains("CANCELLED");
        assertThat(pending(m)).isZero();
        assertThat(available(m)).isZero();
    }

    @Test
    void aPrestaShopOrderFollowsItsStateFlagsAndCreditSlips() {
        connect("PRESTASHOP", Map.of("pendingFrom", "CREATED", "awardMoment", "PAID"), Map.of());
        email = Fixtures.unique("anna") + "@presta.test";
        processed(deliver("prestashop", "ps-1", order("order.validated", state(false, false, false), "[]")));
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(pending(m)).isEqualTo(59);
        JsonNode member = world.asAdmin().get("/api/v1/members/" + m).json();
        assertThat(member.path("consents").toString()).contains("NEWSLETTER");

        processed(deliver("prestashop", "ps-2", order("order.status", state(true, false, false), "[]")));
        assertThat(available(m)).isEqualTo(59);
        processed(deliver("prestashop", "ps-3", order("order.slip", state(true, true, false),
                "[{\"id\":4,\"amount\":\"29.95\",\"total_products_tax_incl\":\"29.95\"}]")));
        assertThat(available(m)).isEqualTo(29);
        Shops.Answer duplicate = deliver("prestashop", "ps-3", order("order.slip", state(true, true, false),
                "[{\"id\":4,\"amount\":\"29.95\",\"total_products_tax_incl\":\"29.95\"}]"));
        assertThat(duplicate.body()).contains("duplicate");
        processed(deliver("prestashop", "ps-4", order("order.status", state(true, false, true),
                "[{\"id\":4,\"amount\":\"29.95\",\"total_products_tax_incl\":\"29.95\"}]")));
        assertThat(available(m)).isZero();
        world.assertBooksBalance();
    }

    @Test
    void aRetriedOlderPrestaShopSnapshotIsRecognisedByItsDateUpdAndUndoesNothing() {
        connect("PRESTASHOP", Map.of("pendingFrom", "CREATED", "awardMoment", "PAID"), Map.of());
        email = Fixtures.unique("stale") + "@presta.test";
        String paidAt10 = order("order.status", state(true, false, false), "[]")
                .replace("\"date_add\"", "\"date_upd\":\"2026-01-20T10:05:00+01:00\",\"date_add\"");
        String cancelledAt11 = order("order.status", state(true, false, true), "[]")
                .replace("\"date_add\"", "\"date_upd\":\"2026-01-20T11:00:00+01:00\",\"date_add\"");
        processed(deliver("prestashop", "stale-1", cancelledAt11));
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();

        JsonNode late = processed(deliver("prestashop", "stale-2", paidAt10));

        assertThat(late.path("outcome").asString()).contains("older");
        assertThat(available(m)).as("the cancellation stands").isZero();
        assertThat(pending(m)).isZero();
    }

    @Test
    void aSignedPingIsAnsweredAndABadSignatureIsRefused() {
        connect("PRESTASHOP", Map.of(), Map.of());
        Shops.Answer ping = deliver("prestashop", "ping-1", "{\"event\":\"ping\"}");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).contains("ping");
        Shops.Answer bad = Shops.post(port, "/api/v1/hooks/prestashop/" + connectionId, "application/json",
                "{\"event\":\"ping\"}", Map.of("X-LoyaltyHub-Signature", Shops.sign("nope", "{\"event\":\"ping\"}")));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(deliveryCount()).isZero();
    }

    @Test
    void aNewPrestaShopCustomerIsEnrolledWithTheOptInsTheyGave() {
        connect("PRESTASHOP", Map.of(), Map.of());
        email = Fixtures.unique("new") + "@presta.test";
        JsonNode d = processed(deliver("prestashop", "c-1", """
                {"event":"customer.created","customer":{"id":8,"email":"%s","firstname":"Lia","lastname":"Neri",
                "newsletter":false,"optin":true,"is_guest":false,"birthday":"1990-01-01"}}""".formatted(email)));
        assertThat(d.path("status").asString()).isEqualTo("PROCESSED");
        JsonNode member = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json();
        assertThat(member.path("birthDate").asString()).isEqualTo("1990-01-01");
        assertThat(member.path("consents").toString()).contains("MARKETING");
    }

    @Test
    void anApprovedWordPressReviewEarnsReviewPointsOncePerReview() {
        connect("WORDPRESS", Map.of("reviewPoints", 50), Map.of());
        email = Fixtures.unique("writer") + "@wp.test";
        long m = member(email);
        String review = """
                {"event":"review.approved","review":{"id":55,"product_id":10,"user_id":"3","email":"%s","rating":5,
                "approved_at":"2026-01-20T10:00:00+00:00"}}""".formatted(email);
        processed(deliver("wordpress", "wp-review-shop.test-55", review));
        assertThat(available(m)).isEqualTo(50);
        JsonNode again = processed(deliver("wordpress", "wp-review-shop.test-55-resent", review));
        assertThat(again.path("status").asString()).isEqualTo("IGNORED");
        assertThat(available(m)).isEqualTo(50);
        String stranger = review.replace(email, "nobody@wp.test").replace("\"user_id\":\"3\"", "\"user_id\":\"4\"")
                .replace("\"id\":55", "\"id\":56");
        assertThat(processed(deliver("wordpress", "wp-review-shop.test-56", stranger)).path("outcome").asString())
                .contains("not by a member");
        JsonNode rating = world.asAdmin().get("/api/v1/members/" + m + "/indicators").json().path("rating");
        assertThat(rating.path("reviews").asLong()).as("the review's score, once").isEqualTo(1);
        assertThat(rating.path("average").decimalValue()).isEqualByComparingTo("5");
    }
}
