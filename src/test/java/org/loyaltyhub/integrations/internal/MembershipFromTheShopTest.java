package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A membership plan bought in a WooCommerce shop: granted when the order is paid, taken back when it is undone. */
class MembershipFromTheShopTest extends ShopScenario {

    private String email;
    private long plan;

    private void open(Map<String, Object> planFields) {
        connect("WOOCOMMERCE", Map.of("awardMoment", "PAID"), Map.of());
        email = Fixtures.unique("vip") + "@shop.test";
        Map<String, Object> body = new LinkedHashMap<>(Map.of("nameEn", "Premium", "price", "29.00",
                "period", "YEARLY", "welcomePoints", 200));
        body.putAll(planFields);
        Api.Response r = world.asAdmin().post("/api/v1/membership-plans", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        plan = r.json().path("id").asLong();
    }

    private String order(long id, String status, String modified, Map<String, Object> line) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("status", status);
        o.put("currency", "EUR");
        o.put("total", "49.00");
        o.put("customer_id", 5);
        o.put("billing", Map.of("email", email, "first_name", "Anna", "last_name", "Rossi"));
        o.put("date_created_gmt", "2026-01-10T10:00:00");
        o.put("date_modified_gmt", modified);
        o.put("line_items", List.of(line, Map.of("product_id", 10, "variation_id", 0, "quantity", 1,
                "subtotal", "20.00", "total", "20.00", "sku", "MUG", "price", 20)));
        o.put("coupon_lines", List.of());
        o.put("refunds", List.of());
        return Api.JSON.writeValueAsString(o);
    }

    private static Map<String, Object> membershipLine(int productId, String sku) {
        return Map.of("product_id", productId, "variation_id", 0, "quantity", 1, "subtotal", "29.00",
                "total", "29.00", "sku", sku, "price", 29);
    }

    private Shops.Answer deliver(String topic, String body) {
        return Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId, "application/json", body,
                Map.of("X-WC-Webhook-Topic", topic, "X-WC-Webhook-Source", "https://shop.test/",
                        "X-WC-Webhook-ID", "7", "X-WC-Webhook-Delivery-ID", Fixtures.unique("d"),
                        "X-WC-Webhook-Signature", Shops.sign(secret, body)));
    }

    private JsonNode memberships(long member) {
        return world.asAdmin().get("/api/v1/members/" + member + "/memberships").json();
    }

    @Test
    void aPaidOrderOfThePlansProductGrantsItOnceAndItsRefundEndsIt() {
        open(Map.of("productIds", List.of("77")));
        long m = member(email);
        processed(deliver("order.created", order(801, "pending", "2026-01-10T10:00:00", membershipLine(77, "X"))));
        assertThat(memberships(m).size()).as("an unpaid order grants nothing").isZero();

        processed(deliver("order.updated", order(801, "processing", "2026-01-10T10:01:00", membershipLine(77, "X"))));
        processed(deliver("order.updated", order(801, "completed", "2026-01-10T10:02:00", membershipLine(77, "X"))));
        assertThat(memberships(m).size()).as("granted once per order").isEqualTo(1);
        assertThat(memberships(m).get(0).path("status").asString()).isEqualTo("ACTIVE");
        JsonNode sale = world.asAdmin().get("/api/v1/membership-sales").json().path("items").get(0);
        assertThat(sale.path("source").asString()).isEqualTo("SHOP");
        assertThat(sale.path("amount").decimalValue()).isEqualByComparingTo("29.00");
        assertThat(sale.path("paymentMethod").asString()).isEqualTo("ONLINE");
        assertThat(sale.path("companyId").asLong()).isEqualTo(companyId);
        assertThat(available(m)).as("49 points for the order, 200 welcome points").isEqualTo(249);

        processed(deliver("order.updated", order(801, "refunded", "2026-01-11T09:00:00", membershipLine(77, "X"))));
        JsonNode ended = memberships(m).get(0);
        assertThat(ended.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ended.path("endReason").asString()).isEqualTo("Order refunded");
        assertThat(available(m)).as("the order's points and the welcome points are withdrawn").isZero();
        JsonNode history = world.asAdmin().get("/api/v1/members/" + m + "/memberships").json();
        assertThat(history.size()).isEqualTo(1);
        world.assertBooksBalance();
    }

    @Test
    void aPlanConfiguredByItsSkuIsGrantedByTheLineCarryingItAndACancellationEndsIt() {
        open(Map.of("productIds", List.of("CLUB-YEAR")));
        long m = member(email);
        processed(deliver("order.created", order(802, "processing", "2026-01-10T10:00:00",
                membershipLine(55, "CLUB-YEAR"))));
        assertThat(memberships(m).get(0).path("planId").asLong()).isEqualTo(plan);
        processed(deliver("order.updated", order(802, "cancelled", "2026-01-12T09:00:00",
                membershipLine(55, "CLUB-YEAR"))));
        assertThat(memberships(m).get(0).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(memberships(m).get(0).path("endReason").asString()).isEqualTo("Order cancelled");
        world.assertBooksBalance();
    }

    @Test
    void anOrderWithoutThePlansProductGrantsNothing() {
        open(Map.of("productIds", List.of("77")));
        long m = member(email);
        processed(deliver("order.created", order(803, "completed", "2026-01-10T10:00:00", membershipLine(78, "Y"))));
        assertThat(memberships(m).size()).isZero();
    }
}
