package org.loyaltyhub.purchases;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EarningPointsOnPurchasesTest extends IntegrationTest {

    private World world;
    private long[] shop;
    private Api till;

    private long member(World w) {
        return w.enrol(till, "buyer").path("id").asLong();
    }

    private void open(boolean budgets, Map<String, Object> settings) {
        world = fixtures.world(api, false, budgets);
        shop = world.company("Shop");
        till = api.withKey(world.apiKey(shop[0], shop[1]));
        world.settings(settings);
    }

    @Test
    void tenPointsForEveryFullFiveEurosAreAvailableWhenTheOrderIsPaid() {
        open(false, Map.of("earnPoints", 10, "earnPerAmount", 5));
        long m = member(world);
        Api.Response r = world.purchase(till, "A-1", m, "49.90", "PAID");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("points").path("available").asLong()).isEqualTo(90);
        assertThat(world.available(m)).isEqualTo(90);
        JsonNode movement = world.movements(m).getFirst();
        assertThat(movement.path("kind").asString()).isEqualTo("EARN");
        assertThat(movement.path("reason").asString()).contains("10 points per 5");
        assertThat(movement.path("storeId").asLong()).isEqualTo(shop[1]);
        world.assertBooksBalance();
    }

    @Test
    void pointsArePendingFromCreationAvailableOnCompletionAndWithdrawnOnCancellation() {
        open(false, Map.of("pendingFrom", "CREATED", "awardMoment", "COMPLETED"));
        long m = member(world);
        world.purchase(till, "B-1", m, "30.00", "CREATED");
        assertThat(world.points(m).path("pending").asLong()).isEqualTo(30);
        assertThat(world.available(m)).isZero();
        world.purchase(till, "B-1", m, "30.00", "PAID");
        assertThat(world.points(m).path("pending").asLong()).isEqualTo(30);
        Api.Response completed = world.purchase(till, "B-1", m, "30.00", "COMPLETED");
        assertThat(completed.json().path("points").path("available").asLong()).isEqualTo(30);
        assertThat(world.points(m).path("pending").asLong()).isZero();
        assertThat(world.available(m)).isEqualTo(30);

        world.purchase(till, "B-2", m, "20.00", "CREATED");
        assertThat(world.points(m).path("pending").asLong()).isEqualTo(20);
        world.purchase(till, "B-2", m, "20.00", "CANCELLED");
        assertThat(world.points(m).path("pending").asLong()).isZero();
        assertThat(world.available(m)).isEqualTo(30);
        world.assertBooksBalance();
    }

    @Test
    void refundsWithdrawPointsInProportionAndACancellationWithdrawsThemAll() {
        open(false, Map.of());
        long m = member(world);
        world.purchase(till, "C-1", m, "100.00", "COMPLETED");
        assertThat(world.available(m)).isEqualTo(100);
        Api.Response partial = till.post("/api/v1/purchases", Map.of("orderId", "C-1", "member", Map.of("id", m),
                "currency", "EUR", "total", "100.00", "refundedTotal", "25.00", "status", "PARTIALLY_REFUNDED"));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
        assertThat(world.available(m)).isEqualTo(75);
        long id = partial.json().path("id").asLong();
        assertThat(till.patch("/api/v1/purchases/" + id, Map.of("status", "CANCELLED")).status()).isEqualTo(200);
        assertThat(world.available(m)).isZero();
        List<String> kinds = world.movements(m).stream().map(x -> x.path("kind").asString()).toList();
        assertThat(kinds).containsExactly("EARN_REVERSAL", "EARN_REVERSAL", "EARN");
        world.assertBooksBalance();
    }

    @Test
    void sendingTheSameOrderStateAgainAwardsNothingMore() {
        open(false, Map.of());
        long m = member(world);
        for (int i = 0; i < 3; i++) {
            assertThat(world.purchase(till, "D-1", m, "12.00", "PAID").status()).isEqualTo(201);
        }
        assertThat(world.available(m)).isEqualTo(12);
        assertThat(world.movements(m)).hasSize(1);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentBody() {
        open(false, Map.of());
        long m = member(world);
        Api keyed = till.header("Idempotency-Key", "order-E-1");
        Api.Response first = world.purchase(keyed, "E-1", m, "10.00", "PAID");
        Api.Response replay = world.purchase(keyed, "E-1", m, "10.00", "PAID");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        Api.Response other = world.purchase(keyed, "E-2", m, "99.00", "PAID");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency-key-reused");
        assertThat(world.available(m)).isEqualTo(10);
    }

    @Test
    void productRulesGiveFixedOrPercentagePointsAndExcludedProductsNone() {
        open(false, Map.of());
        Api admin = world.asAdmin();
        assertThat(admin.put("/api/v1/program/product-rules/COFFEE", Map.of("productId", "COFFEE", "earnMode", "FIXED",
                "fixedPoints", 5)).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/program/product-rules/WINE", Map.of("productId", "WINE", "earnMode", "PERCENT",
                "percent", 10)).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/program/product-rules/TOBACCO", Map.of("productId", "TOBACCO",
                "earnMode", "EXCLUDED")).status()).isEqualTo(200);
        long m = member(world);
        Api.Response r = world.purchase(till, Map.of("orderId", "F-1", "member", Map.of("id", m), "currency", "EUR",
                "total", "86.00", "status", "PAID", "lines", List.of(
                        Map.of("productId", "COFFEE", "quantity", 2, "unitPrice", "1.50"),
                        Map.of("productId", "WINE", "quantity", 1, "unitPrice", "40.00"),
                        Map.of("productId", "TOBACCO", "quantity", 1, "unitPrice", "10.00"),
                        Map.of("productId", "BREAD", "quantity", 11, "unitPrice", "3.00"))));
        // coffee 2 x 5 + wine 10% of 40 = 4 + bread 33 EUR at 1 point per EUR
        assertThat(r.json().path("points").path("available").asLong()).isEqualTo(10 + 4 + 33);
    }

    @Test
    void anEnforcedBudgetPaysForPointsAndWhenExhaustedRefusesThePurchaseWritingNothing() {
        open(true, Map.of());
        world.recharge(shop[0], 50);
        long m = member(world);
        assertThat(world.purchase(till, "G-1", m, "40.00", "PAID").status()).isEqualTo(201);
        assertThat(world.budget(shop[0])).isEqualTo(10);
        Api.Response refused = world.purchase(till, "G-2", m, "40.00", "PAID");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("budget-exhausted");
        assertThat(world.budget(shop[0])).isEqualTo(10);
        assertThat(world.available(m)).isEqualTo(40);
        assertThat(till.get("/api/v1/members/" + m + "/purchases").json().path("total").asLong()).isEqualTo(1);
        world.recharge(shop[0], 100);
        assertThat(world.purchase(till, "G-2", m, "40.00", "PAID").status()).isEqualTo(201);
        assertThat(world.budget(shop[0])).isEqualTo(70);
        world.purchase(till, "G-2", m, "40.00", "CANCELLED");
        assertThat(world.budget(shop[0])).as("a cancellation gives the points back to the budget").isEqualTo(110);
        assertThat(world.asAdmin().get("/api/v1/companies/" + shop[0] + "/budget/movements").json().path("total")
                .asLong()).isEqualTo(5);
        world.assertBooksBalance();
    }

    @Test
    void badPurchasesAreRefusedWithAClearProblemAndChangeNothing() {
        open(false, Map.of());
        long m = member(world);
        Map<String, Object> base = Map.of("orderId", "H-1", "member", Map.of("id", m), "currency", "EUR",
                "total", "10.00", "status", "PAID");
        record Case(String field, Object value, int status) {
        }
        for (Case c : List.of(new Case("total", "-5", 400), new Case("total", "1e12", 400),
                new Case("currency", "USD", 400), new Case("currency", "euro", 400), new Case("status", "SHIPPED", 400),
                new Case("member", Map.of("id", 999_999_999), 404), new Case("member", Map.of("card", "1234"), 400),
                new Case("refundedTotal", "11.00", 400))) {
            Map<String, Object> body = new java.util.HashMap<>(base);
            body.put(c.field(), c.value());
            Api.Response r = till.post("/api/v1/purchases", body);
            assertThat(r.status()).as(c + " -> " + r).isEqualTo(c.status());
            assertThat(r.header("Content-Type")).contains("application/problem+json");
            assertThat(r.json().path("type").asString()).startsWith("/problems/");
        }
        assertThat(till.postRaw("/api/v1/purchases", "{\"orderId\": ").status()).isEqualTo(400);
        assertThat(till.postRaw("/api/v1/purchases", "{\"orderId\":\"x\",\"surprise\":1}").code())
                .isEqualTo("malformed-request");
        assertThat(till.postRaw("/api/v1/purchases", "{\"orderId\":\"" + "x".repeat(70_000) + "\"}").status())
                .isEqualTo(413);
        assertThat(world.available(m)).isZero();
        assertThat(till.get("/api/v1/members/" + m + "/purchases").json().path("total").asLong()).isZero();
    }
}
