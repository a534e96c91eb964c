package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WooCommerceWebhooksTest extends ShopScenario {

    @Autowired
    DeliveryProcessor processor;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String email;

    private void open() {
        connect("WOOCOMMERCE", Map.of("pendingFrom", "CREATED", "awardMoment", "PAID"), Map.of());
        email = Fixtures.unique("anna") + "@shop.test";
    }

    private String order(long id, String status, String modified, List<Map<String, Object>> refunds) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("status", status);
        o.put("currency", "EUR");
        o.put("total", "100.00");
        o.put("customer_id", 5);
        o.put("billing", Map.of("email", email, "first_name", "Anna", "last_name", "Rossi"));
        o.put("date_created_gmt", "2026-01-10T10:00:00");
        o.put("date_modified_gmt", modified);
        o.put("line_items", List.of(Map.of("product_id", 10, "variation_id", 0, "quantity", 2, "subtotal", "100.00",
                "total", "100.00", "sku", "SKU-1", "price", 50)));
        o.put("coupon_lines", List.of());
        o.put("refunds", refunds);
        return org.loyaltyhub.support.Api.JSON.writeValueAsString(o);
    }

    private Shops.Answer deliver(String topic, String body) {
        return deliver(topic, body, Shops.sign(secret, body));
    }

    private Shops.Answer deliver(String topic, String body, String signature) {
        Map<String, String> h = new LinkedHashMap<>(Map.of("X-WC-Webhook-Topic", topic,
                "X-WC-Webhook-Source", "https://shop.test/", "X-WC-Webhook-ID", "7",
                "X-WC-Webhook-Delivery-ID", Fixtures.unique("d")));
        if (signature != null) {
            h.put("X-WC-Webhook-Signature", signature);
        }
        return Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId, "application/json", body, h);
    }

    @Test
    void anOrderOfACustomerKnownOnlyInAnotherCircuitNeverReachesThatCircuitsMemberStoreOrBooks() {
        open();
        org.loyaltyhub.support.World other = fixtures.world(api);
        long stranger = other.enrol(other.asAdmin(), Map.of("firstName", "Anna", "lastName", "Rossi", "email", email))
                .path("id").asLong();

        processed(deliver("order.created", order(777, "processing", "2026-01-10T10:00:00", List.of())));

        assertThat(other.points(stranger).path("available").asLong()).isZero();
        assertThat(other.points(stranger).path("pending").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from purchase where circuit_id = :c").param("c", other.circuitId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from purchase p
                          left join store s on s.id = p.store_id and s.circuit_id = p.circuit_id
                          left join member m on m.id = p.member_id and m.circuit_id = p.circuit_id
                         where p.circuit_id = :c and (s.id is null or (p.member_id is not null and m.id is null))""")
                .param("c", world.circuitId).query(Long.class).single()).as("store and member of its own circuit")
                .isZero();
        other.assertBooksBalance();
    }

    @Test
    void anOrderEarnsPendingPointsOnCreationAvailableOnPaymentLosesThemInProportionToARefundAndAllOnCancellation() {
        open();
        long m = member(email);
        assertThat(processed(deliver("order.created", order(501, "pending", "2026-01-10T10:00:00", List.of())))
                .path("status").asString()).isEqualTo("PROCESSED");
        assertThat(pending(m)).isEqualTo(100);
        assertThat(available(m)).isZero();

        processed(deliver("order.updated", order(501, "processing", "2026-01-10T10:01:00", List.of())));
        assertThat(pending(m)).isZero();
        assertThat(available(m)).isEqualTo(100);

        processed(deliver("order.updated", order(501, "processing", "2026-01-11T09:00:00",
                List.of(Map.of("id", 900, "total", "-25.00")))));
        assertThat(available(m)).isEqualTo(75);

        processed(deliver("order.updated", order(501, "cancelled", "2026-01-12T09:00:00",
                List.of(Map.of("id", 900, "total", "-25.00")))));
        assertThat(available(m)).isZero();
        assertThat(pending(m)).isZero();
        world.assertBooksBalance();
    }

    @Test
    void theSameDeliveryTwiceIsStoredAndCountedOnce() {
        open();
        long m = member(email);
        String body = order(502, "processing", "2026-01-10T10:00:00", List.of());
        processed(deliver("order.created", body));
        long before = deliveryCount();
        Shops.Answer again = deliver("order.created", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(deliveryCount()).isEqualTo(before);
        assertThat(available(m)).isEqualTo(100);
    }

    @Test
    void deliveriesArrivingInReverseOrderLeaveTheOrderInItsLatestState() {
        open();
        long m = member(email);
        processed(deliver("order.updated", order(503, "completed", "2026-01-10T12:00:00", List.of())));
        assertThat(available(m)).isEqualTo(100);
        processed(deliver("order.updated", order(503, "processing", "2026-01-10T11:00:00", List.of())));
        JsonNode stale = processed(deliver("order.created", order(503, "pending", "2026-01-10T10:00:00", List.of())));
        assertThat(stale.path("outcome").asString()).contains("COMPLETED");
        assertThat(available(m)).isEqualTo(100);
        assertThat(pending(m)).isZero();
        world.assertBooksBalance();
    }

    @Test
    void aCompletedOrderWithARefundInItsFirstDeliveryIsRecordedOnceWithOneMovement() {
        open();
        long m = member(email);
        JsonNode d = processed(deliver("order.created", order(506, "completed", "2026-01-10T12:00:00",
                List.of(Map.of("id", 910, "total", "-25.00")))));
        assertThat(d.path("outcome").asString()).contains("PARTIALLY_REFUNDED");
        assertThat(available(m)).isEqualTo(75);
        assertThat(pending(m)).isZero();
        assertThat(world.movements(m)).as("one delivery, one recording: no award of 100 followed by a refund of 25")
                .hasSize(1);
        world.assertBooksBalance();
    }

    @Test
    void aDeletionThatOvertakesTheOrdersOwnReportStillCancelsIt() {
        open();
        long m = member(email);
        processed(deliver("order.deleted", "{\"id\":507}"));
        JsonNode late = processed(deliver("order.created", order(507, "processing", "2026-01-10T10:00:00", List.of())));
        assertThat(late.path("outcome").asString()).contains("CANCELLED");
        assertThat(available(m)).as("a deleted order earns nothing").isZero();
        world.assertBooksBalance();
    }

    @Test
    void aDeletedOrderIsCancelled() {
        open();
        long m = member(email);
        processed(deliver("order.created", order(504, "processing", "2026-01-10T10:00:00", List.of())));
        assertThat(available(m)).isEqualTo(100);
        processed(deliver("order.deleted", "{\"id\":504}"));
        assertThat(available(m)).isZero();
    }

    @Test
    void aSignedOrderReplayedUnderAForgedTopicErasesNothingAndCancelsNothing() {
        open();
        long m = member(email);
        String body = order(506, "processing", "2026-01-10T10:00:00", List.of());
        processed(deliver("order.created", body));
        assertThat(available(m)).isEqualTo(100);
        for (String topic : List.of("shop/redact", "customers/redact", "app/uninstalled")) {
            assertThat(processed(deliver(topic, body)).path("status").asString()).as(topic).isEqualTo("IGNORED");
        }
        JsonNode deleted = processed(deliver("order.deleted", body));
        assertThat(deleted.path("status").asString()).isEqualTo("IGNORED");
        assertThat(available(m)).as("a whole order's body is not a deletion").isEqualTo(100);
        JsonNode connection = world.asAdmin().get("/api/v1/companies/" + companyId + "/connections/" + connectionId).json();
        assertThat(connection.path("active").asBoolean()).isTrue();
        assertThat(connection.path("webhookSecret").path("set").asBoolean()).isTrue();
        assertThat(deliveryCount()).as("no delivery was erased").isEqualTo(5);
    }

    @Test
    void aSignedOrderWithAnImpossibleAmountFailsAtOnceWithTheReasonAndIsNotRetried() {
        open();
        long m = member(email);
        String good = order(507, "processing", "2026-01-10T10:00:00", List.of());
        for (String[] impossible : new String[][]{{"\"total\":\"100.00\"", "\"total\":1e30"},
                {"\"total\":\"100.00\"", "\"total\":\"1e30\""}, {"\"total\":\"100.00\"", "\"total\":\"NaN\""},
                {"\"total\":\"100.00\"", "\"total\":\"-100.00\""}, {"\"total\":\"100.00\"", "\"total\":\"1E-30\""},
                {"\"quantity\":2", "\"quantity\":1e300"}}) {
            String body = good.replace(impossible[0], impossible[1]);
            assertThat(body).as(impossible[1]).isNotEqualTo(good);
            JsonNode d = processed(deliver("order.created", body));
            assertThat(d.path("status").asString()).as(impossible[1]).isEqualTo("FAILED");
            assertThat(d.path("givenUp").asBoolean()).as(impossible[1] + ": " + d).isTrue();
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
            assertThat(d.path("lastError").asString()).as(impossible[1]).containsAnyOf("total", "quantity");
        }
        assertThat(available(m) + pending(m)).isZero();
        processor.sweep();
        assertThat(world.asAdmin().get("/api/v1/connections/" + connectionId + "/deliveries?status=FAILED").json()
                .path("items").valueStream().allMatch(d -> d.path("attempts").asInt() == 1)).isTrue();
        processed(deliver("order.created", good));
        assertThat(available(m)).as("the same order with a real total still counts").isEqualTo(100);
    }

    @Test
    void pointsAreEarnedOnTheGoodsAfterCouponsAndOnTaxAndShippingOnlyWhenTheProgramSaysSo() {
        open();
        long m = member(email);
        // WooCommerce's order shape: a 10.00 coupon on 100.00 of goods, 22% tax, 5.00 shipping
        String body = order(508, "processing", "2026-01-10T10:00:00", List.of())
                .replace("\"total\":\"100.00\",\"customer_id\"", "\"total\":\"114.80\",\"total_tax\":\"19.80\","
                        + "\"shipping_total\":\"5.00\",\"discount_total\":\"10.00\",\"customer_id\"")
                .replace("\"coupon_lines\":[]", "\"coupon_lines\":[{\"code\":\"save10\",\"discount\":\"10.00\"}]");
        String line = body.contains("\"subtotal\":\"100.00\",\"total\":\"100.00\"")
                ? "\"subtotal\":\"100.00\",\"total\":\"100.00\"" : "\"total\":\"100.00\"";
        body = body.replace(line, line.replace("\"total\":\"100.00\"", "\"total\":\"90.00\""));
        assertThat(body).contains("114.80", "\"total\":\"90.00\"");
        processed(deliver("order.created", body));
        assertThat(available(m)).as("90 of goods after the coupon; no tax, no shipping").isEqualTo(90);

        world.settings(Map.of("earnOnTaxAndShipping", true));
        processed(deliver("order.created", body.replace("\"id\":508", "\"id\":509")));
        assertThat(available(m)).as("114.80 paid in all earns 114").isEqualTo(204);
    }

    @Test
    void thePingWhenAWebhookIsSavedIsAnsweredWithExactly200AndStoresNothing() {
        open();
        Shops.Answer ping = Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId,
                "application/x-www-form-urlencoded", "webhook_id=7", Map.of());
        assertThat(ping.status()).isEqualTo(200);
        assertThat(deliveryCount()).isZero();
    }

    @Test
    void aBadOrMissingSignatureIsRefusedWith401AndStoresNothing() {
        open();
        String body = order(505, "processing", "2026-01-10T10:00:00", List.of());
        Shops.Answer wrong = deliver("order.created", body, Shops.sign("another secret", body));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("bad-signature");
        assertThat(deliver("order.created", body, null).status()).isEqualTo(401);
        assertThat(deliver("order.created", body + " ", Shops.sign(secret, body)).status()).as("body changed").isEqualTo(401);
        assertThat(deliveryCount()).isZero();
        assertThat(Shops.post(port, "/api/v1/hooks/woocommerce/987654321", "application/json", body,
                Map.of("X-WC-Webhook-Signature", Shops.sign(secret, body), "X-WC-Webhook-Topic", "order.created"))
                .status()).as("unknown connection").isEqualTo(404);
    }

    @Test
    void afterASecretRotationTheOldSecretStillVerifies() {
        open();
        long m = member(email);
        String old = secret;
        assertThat(world.asAdmin().patch("/api/v1/companies/" + companyId + "/connections/" + connectionId,
                Map.of("webhookSecret", "the-new-secret")).json().path("previousSecret").path("set").asBoolean()).isTrue();
        String body = order(506, "processing", "2026-01-10T10:00:00", List.of());
        processed(deliver("order.created", body, Shops.sign(old, body)));
        String body2 = order(507, "processing", "2026-01-10T10:00:00", List.of());
        processed(deliver("order.created", body2, Shops.sign("the-new-secret", body2)));
        assertThat(available(m)).isEqualTo(200);
    }

    @Test
    void aGuestsOrderIsIgnoredWithAReasonUnlessTheConnectionEnrolsGuests() {
        connect("WOOCOMMERCE", Map.of(), Map.of());
        email = Fixtures.unique("guest") + "@shop.test";
        String guest = order(508, "processing", "2026-01-10T10:00:00", List.of()).replace("\"customer_id\":5", "\"customer_id\":0");
        JsonNode ignored = processed(deliver("order.created", guest));
        assertThat(ignored.path("status").asString()).isEqualTo("IGNORED");
        assertThat(ignored.path("outcome").asString()).contains("guest");

        world.asAdmin().patch("/api/v1/companies/" + companyId + "/connections/" + connectionId,
                Map.of("enrolGuests", true));
        String guest2 = order(509, "processing", "2026-01-10T10:00:00", List.of()).replace("\"customer_id\":5", "\"customer_id\":0");
        assertThat(processed(deliver("order.created", guest2)).path("status").asString()).isEqualTo("PROCESSED");
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(available(m)).isEqualTo(100);
    }

    @Test
    void aRegisteredCustomerIsEnrolledOnTheirFirstOrderAndRecognisedByTheirShopIdAfterwards() {
        open();
        processed(deliver("order.created", order(510, "processing", "2026-01-10T10:00:00", List.of())));
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(available(m)).isEqualTo(100);
        String changedEmail = order(511, "processing", "2026-01-10T10:00:00", List.of()).replace(email, "new-" + email);
        processed(deliver("order.created", changedEmail));
        assertThat(available(m)).as("same shop customer id, new e-mail").isEqualTo(200);
    }

    @Test
    void theShopGetsItsAnswerBeforeASlowHandlerFinishes() throws Exception {
        open();
        long m = member(email);
        CountDownLatch release = new CountDownLatch(1);
        processor.beforeHandling = id -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            Shops.Answer a = deliver("order.created", order(512, "processing", "2026-01-10T10:00:00", List.of()));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.millis()).isLessThan(5000);
            long id = deliveryId(a);
            assertThat(delivery(id).path("status").asString()).isEqualTo("RECEIVED");
            assertThat(available(m)).isZero();
        } finally {
            processor.beforeHandling = id -> { };
            release.countDown();
        }
        Shops.await(() -> available(m), points -> points == 100, "the slow delivery to be processed");
    }

    @Test
    void aDeliveryLeftBehindByACrashIsProcessedByTheSweeper() {
        open();
        long m = member(email);
        processor.beforeHandling = id -> {
            throw new IllegalStateException("simulated crash");
        };
        long id;
        try {
            Shops.Answer a = deliver("order.created", order(513, "processing", "2026-01-10T10:00:00", List.of()));
            id = deliveryId(a);
            Shops.await(() -> delivery(id).path("status").asString(), "FAILED"::equals, "the failed attempt");
        } finally {
            processor.beforeHandling = x -> { };
        }
        assertThat(available(m)).isZero();
        assertThat(world.asAdmin().post("/api/v1/deliveries/" + id + "/replay", Map.of()).status()).isEqualTo(200);
        Shops.await(() -> available(m), points -> points == 100, "the replayed delivery");
        assertThat(delivery(id).path("attempts").asInt()).isEqualTo(2);
    }
}
