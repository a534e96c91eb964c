package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.ExpiryJobs;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedeemingPointsTest extends IntegrationTest {

    @Autowired
    ExpiryJobs expiry;

    @Autowired
    RedemptionService redemptions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    com.zaxxer.hikari.HikariDataSource ownerPool;

    /** Test triggers are DDL: the owner's pool (the application's pools may not change the schema). */
    private JdbcClient owner() {
        return JdbcClient.create(ownerPool);
    }

    private World world;
    private Api till;
    private long member;

    private void open(Map<String, Object> settings, String spend) {
        world = fixtures.world(api);
        long[] shop = world.company("Shop");
        till = api.withKey(world.apiKey(shop[0], shop[1]));
        world.settings(settings);
        member = world.enrol(till, "saver").path("id").asLong();
        world.purchase(till, "seed", member, spend, "PAID");
    }

    private Api.Response quote(String total, Long points, List<Map<String, Object>> lines) {
        Map<String, Object> cart = new java.util.HashMap<>(Map.of("currency", "EUR", "total", total));
        if (lines != null) {
            cart.put("lines", lines);
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("member", Map.of("id", member), "cart", cart));
        if (points != null) {
            body.put("points", points);
        }
        return till.post("/api/v1/redemptions/quote", body);
    }

    @Test
    void aQuoteSaysHowManyPointsCanBeUsedAndForWhatDiscount() {
        open(Map.of("redeemPoints", 100, "redeemValue", 1, "maxDiscountPercent", 50), "2000.00");
        JsonNode q = quote("30.00", null, null).json();
        assertThat(q.path("allowed").asBoolean()).isTrue();
        assertThat(q.path("maxPoints").asLong()).isEqualTo(1500);
        assertThat(q.path("discount").path("amount").asString()).isEqualTo("15.00");
        JsonNode some = quote("30.00", 250L, null).json();
        assertThat(some.path("discount").path("amount").asString()).isEqualTo("2.50");
        JsonNode tooMany = quote("30.00", 1600L, null).json();
        assertThat(tooMany.path("allowed").asBoolean()).isFalse();
        assertThat(tooMany.path("code").asString()).isEqualTo("too-many-points");
    }

    @Test
    void aQuoteExplainsWhyPointsCannotBeUsed() {
        open(Map.of("minBalance", 5000, "minCartTotal", 20), "100.00");
        JsonNode q = quote("50.00", null, null).json();
        assertThat(q.path("allowed").asBoolean()).isFalse();
        assertThat(q.path("code").asString()).isEqualTo("below-minimum-balance");
        world.settings(Map.of("minCartTotal", 20));
        assertThat(quote("10.00", null, null).json().path("code").asString()).isEqualTo("cart-below-minimum");
        world.settings(Map.of("excludeDiscounted", true));
        JsonNode onSale = quote("10.00", null, List.of(Map.of("productId", "P", "quantity", 1, "unitPrice", "10.00",
                "discounted", true))).json();
        assertThat(onSale.path("code").asString()).isEqualTo("nothing-eligible");
        Api.Response usd = till.post("/api/v1/redemptions/quote", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "USD", "total", "10")));
        assertThat(usd.status()).isEqualTo(422);
        assertThat(usd.code()).isEqualTo("currency-mismatch");
    }

    @Test
    void aHoldReservesPointsThatCaptureRedeemsAndReleaseGivesBack() {
        open(Map.of(), "500.00");
        Api.Response held = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 300));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().path("discount").path("amount").asString()).isEqualTo("3.00");
        JsonNode p = world.points(member);
        assertThat(p.path("available").asLong()).isEqualTo(200);
        assertThat(p.path("held").asLong()).isEqualTo(300);
        long id = held.json().path("id").asLong();
        assertThat(till.post("/api/v1/redemptions/" + id + "/capture", Map.of("orderId", "W-9")).json()
                .path("status").asString()).isEqualTo("CAPTURED");
        assertThat(world.points(member).path("held").asLong()).isZero();
        assertThat(till.post("/api/v1/redemptions/" + id + "/capture", null).status()).as("capture is idempotent")
                .isEqualTo(200);
        Api.Response late = till.post("/api/v1/redemptions/" + id + "/release", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("hold-settled");

        long second = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 100)).json().path("id").asLong();
        assertThat(till.post("/api/v1/redemptions/" + second + "/release", null).json().path("status").asString())
                .isEqualTo("RELEASED");
        assertThat(world.available(member)).isEqualTo(200);
        world.assertBooksBalance();
    }

    @Test
    void holdingMorePointsThanTheMemberHasIsRefused() {
        open(Map.of(), "10.00");
        Api.Response r = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 11));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("too-many-points");
        assertThat(world.available(member)).isEqualTo(10);
    }

    @Test
    void anOrderPaidWithTheRedemptionCapturesItAndACancelledOneReleasesIt() {
        open(Map.of(), "500.00");
        long r1 = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 100)).json().path("id").asLong();
        till.post("/api/v1/purchases", Map.of("orderId", "O-1", "member", Map.of("id", member), "currency", "EUR",
                "total", "39.00", "status", "PAID", "redemptionId", r1));
        assertThat(till.get("/api/v1/redemptions/" + r1).json().path("status").asString()).isEqualTo("CAPTURED");
        long r2 = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 100)).json().path("id").asLong();
        till.post("/api/v1/purchases", Map.of("orderId", "O-2", "member", Map.of("id", member), "currency", "EUR",
                "total", "39.00", "status", "CREATED", "redemptionId", r2));
        till.post("/api/v1/purchases", Map.of("orderId", "O-2", "member", Map.of("id", member), "currency", "EUR",
                "total", "39.00", "status", "CANCELLED", "redemptionId", r2));
        assertThat(till.get("/api/v1/redemptions/" + r2).json().path("status").asString()).isEqualTo("RELEASED");
        world.assertBooksBalance();
    }

    @Test
    void anOrderCancelledAfterItsRedemptionWasCapturedGivesThePointsBackOnce() {
        open(Map.of(), "500.00");
        long before = world.available(member);
        long r = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 100)).json().path("id").asLong();
        Map<String, Object> order = new java.util.HashMap<>(Map.of("orderId", "O-3", "member", Map.of("id", member),
                "currency", "EUR", "total", "39.00", "status", "PAID", "redemptionId", r));
        assertThat(till.post("/api/v1/purchases", order).status()).isEqualTo(201);
        assertThat(till.get("/api/v1/redemptions/" + r).json().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(world.available(member)).isEqualTo(before - 100 + 39);

        order.put("status", "CANCELLED");
        Api.Response cancelled = till.post("/api/v1/purchases", order);
        assertThat(cancelled.status()).as(cancelled.toString()).isIn(200, 201);
        assertThat(till.get("/api/v1/redemptions/" + r).json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(world.available(member)).as("the 100 points spent come back; the order's 39 go").isEqualTo(before);
        assertThat(till.post("/api/v1/purchases", order).status()).as("a replay").isIn(200, 201);
        assertThat(world.available(member)).as("given back once").isEqualTo(before);
        assertThat(world.movements(member).stream().filter(m -> m.path("kind").asString().equals("REDEMPTION_REFUND"))
                .count()).isEqualTo(1);
        world.assertBooksBalance();
    }

    @Test
    void aReservationThatRunsOutIsReleasedByTheExpiryJob() {
        open(Map.of("holdMinutes", 5), "100.00");
        long id = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 60)).json().path("id").asLong();
        ExpiryJobs.Run run = expiry.runAt(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(run.holdsReleased()).isPositive();
        assertThat(till.get("/api/v1/redemptions/" + id).json().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(world.available(member)).isEqualTo(100);
        world.assertBooksBalance();
    }

    private JsonNode hold(long points) {
        Api.Response held = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", points));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        return held.json();
    }

    @Test
    void capturingAReservationThatRanOutIsRefusedAndItsPointsGoBack() {
        open(Map.of("holdMinutes", 5), "100.00");
        JsonNode held = hold(60);
        jdbc.sql("update hold set expires_at = now() - interval '1 second' where id = :h")
                .param("h", held.path("holdId").asLong()).update();
        long id = held.path("id").asLong();
        Api.Response late = till.post("/api/v1/redemptions/" + id + "/capture", Map.of("orderId", "W-late"));
        assertThat(late.status()).as(late.toString()).isEqualTo(410);
        assertThat(late.code()).isEqualTo("hold-expired");
        assertThat(world.available(member)).as("the points went back at once").isEqualTo(100);
        assertThat(world.points(member).path("held").asLong()).isZero();
        assertThat(till.get("/api/v1/redemptions/" + id).json().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(till.post("/api/v1/redemptions/" + id + "/capture", null).code()).isEqualTo("hold-expired");
        world.assertBooksBalance();
    }

    @Test
    void anOrderPlacedWhileItsReservationHeldCapturesItEvenWhenItsNewsArrivesLate() {
        open(Map.of("holdMinutes", 5), "100.00");
        JsonNode held = hold(60);
        java.time.Instant expired = java.time.Instant.now().minusSeconds(60);
        jdbc.sql("update hold set expires_at = :at where id = :h").param("at", java.sql.Timestamp.from(expired))
                .param("h", held.path("holdId").asLong()).update();
        Api.Response late = world.purchase(till, Map.of("orderId", "W-placed-in-time", "member", Map.of("id", member),
                "currency", "EUR", "total", "40.00", "status", "PAID", "redemptionId", held.path("id").asLong(),
                "occurredAt", expired.minusSeconds(120).toString()));
        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        assertThat(till.get("/api/v1/redemptions/" + held.path("id").asLong()).json().path("status").asString())
                .isEqualTo("CAPTURED");
        world.assertBooksBalance();
    }

    @Test
    void anOrderPlacedAfterItsReservationRanOutIsStillRecordedAndTakesNoPoints() {
        open(Map.of("holdMinutes", 5), "100.00");
        JsonNode held = hold(60);
        jdbc.sql("update hold set expires_at = now() - interval '1 minute' where id = :h")
                .param("h", held.path("holdId").asLong()).update();
        Api.Response late = world.purchase(till, Map.of("orderId", "W-too-late", "member", Map.of("id", member),
                "currency", "EUR", "total", "40.00", "status", "PAID", "redemptionId", held.path("id").asLong()));
        assertThat(late.status()).as("the purchase is recorded: " + late).isEqualTo(201);
        assertThat(till.get("/api/v1/redemptions/" + held.path("id").asLong()).json().path("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(world.points(member).path("held").asLong()).isZero();
        assertThat(world.available(member)).as("the lapsed reservation's points stay, the new purchase adds its own")
                .isGreaterThanOrEqualTo(100);
        world.assertBooksBalance();
    }

    @Test
    void theExpiryJobLeavesAReservationCapturedMeanwhileAsItIs() {
        open(Map.of("holdMinutes", 5), "100.00");
        JsonNode held = hold(60);
        assertThat(till.post("/api/v1/redemptions/" + held.path("id").asLong() + "/capture", null).status())
                .isEqualTo(200);
        redemptions.expire(world.circuitId, held.path("holdId").asLong());
        assertThat(till.get("/api/v1/redemptions/" + held.path("id").asLong()).json().path("status").asString())
                .isEqualTo("CAPTURED");
        assertThat(world.available(member)).isEqualTo(40);
    }

    @Test
    void aReservationThatCannotBeReleasedDoesNotStopTheExpiryRound() {
        open(Map.of("holdMinutes", 5), "100.00");
        JsonNode stuck = hold(10);
        JsonNode other = hold(20);
        owner().sql("create or replace function expiry_test_failure() returns trigger language plpgsql as $$ "
                + "begin raise exception 'simulated failure of one reservation'; end $$").update();
        owner().sql("create trigger expiry_test_failure before update on hold for each row when (old.id = "
                + stuck.path("holdId").asLong() + ") execute function expiry_test_failure()").update();
        ExpiryJobs.Run run;
        try {
            run = expiry.runAt(Instant.now().plus(Duration.ofMinutes(6)));
        } finally {
            owner().sql("drop trigger expiry_test_failure on hold").update();
        }
        assertThat(run.holdsReleased()).isPositive();
        assertThat(till.get("/api/v1/redemptions/" + other.path("id").asLong()).json().path("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(till.get("/api/v1/redemptions/" + stuck.path("id").asLong()).json().path("status").asString())
                .as("left for the next round").isEqualTo("HELD");
        assertThat(world.available(member)).isEqualTo(90);
        expiry.runAt(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(world.available(member)).isEqualTo(100);
        world.assertBooksBalance();
    }
}
