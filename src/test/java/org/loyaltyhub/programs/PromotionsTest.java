package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Promotions on purchases (issue 12 §2, §5): the live path, refunds, limits, stacking, bad input, simulation, dry run. */
class PromotionsTest extends IntegrationTest {

    static Map<String, Object> promotion(String name, Map<String, Object> effect, List<Map<String, Object>> conditions) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("validFrom", Instant.now().minus(400, ChronoUnit.DAYS).toString());
        p.put("priority", 10);
        p.put("trigger", Map.of("type", "PURCHASE", "conditions", conditions));
        p.put("effect", effect);
        return p;
    }

    static long activeOne(World w, Map<String, Object> body) {
        Api.Response created = w.asAdmin().post("/api/v1/promotions", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Api.Response active = w.asAdmin().post("/api/v1/promotions/" + id + "/activate", Map.of());
        assertThat(active.status()).as(active.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void aPurchaseMeetingAPromotionEarnsItsBonusAsAMovementNamingThePromotionAndARefundTakesBackItsShare() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, "promo").path("id").asLong();
        long id = activeOne(w, promotion("Double over 20", Map.of("type", "MULTIPLIER", "factor", "2"),
                List.of(Map.of("field", "minSpend", "value", "20"))));

        Api.Response small = w.purchase(till, "P-1", m, "10.00", "PAID");
        assertThat(small.json().path("points").path("available").asLong()).isEqualTo(10);
        Api.Response big = w.purchase(till, "P-2", m, "40.00", "PAID");
        assertThat(w.available(m)).as("10 + 40 + 40 (×2 on the 40)").isEqualTo(90);

        JsonNode movement = w.movements(m).stream().filter(e -> e.path("kind").asString().equals("PROMOTION"))
                .findFirst().orElseThrow();
        assertThat(movement.path("reason").asString()).contains("Promotion #" + id, "Double over 20", "×2", "spend ≥ 20");

        JsonNode considered = w.asAdmin().get("/api/v1/purchases/" + small.json().path("id").asLong() + "/promotions")
                .json().path("considered");
        assertThat(considered.get(0).path("outcome").asString()).isEqualTo("CONDITION_UNMET");
        assertThat(considered.get(0).path("why").asString()).contains("under 20");
        JsonNode applied = w.asAdmin().get("/api/v1/purchases/" + big.json().path("id").asLong() + "/promotions")
                .json().path("considered");
        assertThat(applied.get(0).path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(applied.get(0).path("points").asLong()).isEqualTo(40);

        Api.Response refunded = till.post("/api/v1/purchases", Map.of("orderId", "P-2", "member", Map.of("id", m),
                "currency", "EUR", "total", "40.00", "refundedTotal", "10.00", "status", "PARTIALLY_REFUNDED"));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(w.available(m)).as("10 + 30 + 30: the promotion keeps three quarters like the purchase").isEqualTo(70);
        till.post("/api/v1/purchases", Map.of("orderId", "P-2", "member", Map.of("id", m), "currency", "EUR",
                "total", "40.00", "status", "CANCELLED"));
        assertThat(w.available(m)).isEqualTo(10);
        assertThat(w.asAdmin().get("/api/v1/promotions/" + id).json().path("given").path("points").asLong()).isZero();
        w.assertBooksBalance();
    }

    @Test
    void promotionsAreConsideredByPriorityThenIdAndAnExclusiveOneAppliesAlone() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, "stack").path("id").asLong();
        Map<String, Object> first = promotion("Stackable +5", Map.of("type", "FIXED_POINTS", "points", 5), List.of());
        first.put("priority", 1);
        long a = activeOne(w, first);
        Map<String, Object> exclusive = promotion("Exclusive +100", Map.of("type", "FIXED_POINTS", "points", 100), List.of());
        exclusive.put("priority", 2);
        exclusive.put("stacking", "EXCLUSIVE");
        long b = activeOne(w, exclusive);
        Map<String, Object> third = promotion("Stackable 10%", Map.of("type", "PERCENT_OF_SPEND", "percent", "10"), List.of());
        third.put("priority", 2);
        long c = activeOne(w, third);

        long purchase = w.purchase(till, "S-1", m, "20.00", "PAID").json().path("id").asLong();
        JsonNode considered = w.asAdmin().get("/api/v1/purchases/" + purchase + "/promotions").json().path("considered");
        assertThat(considered.valueStream().map(n -> n.path("promotionId").asLong()).toList()).containsExactly(a, b, c);
        assertThat(considered.valueStream().map(n -> n.path("outcome").asString()).toList())
                .containsExactly("APPLIED", "NOT_COMBINED", "APPLIED");
        // 20 points of its own, +5, and 10% of 20 € at 100 points per 1 € = 200
        assertThat(w.available(m)).isEqualTo(20 + 5 + 200);
    }

    @Test
    void aPerMemberLimitAndABudgetStopThePromotionByThemselves() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m1 = w.enrol(till, "limit1").path("id").asLong();
        long m2 = w.enrol(till, "limit2").path("id").asLong();
        Map<String, Object> body = promotion("Welcome +30", Map.of("type", "FIXED_POINTS", "points", 30), List.of());
        body.put("limits", Map.of("perMember", 1, "period", "EVER", "budgetPoints", 50));
        long id = activeOne(w, body);

        w.purchase(till, "L-1", m1, "1.00", "PAID");
        w.purchase(till, "L-2", m1, "1.00", "PAID");
        assertThat(w.available(m1)).as("once per member").isEqualTo(1 + 30 + 1);
        w.purchase(till, "L-3", m2, "1.00", "PAID");
        assertThat(w.available(m2)).as("the 20 points left in the budget").isEqualTo(1 + 20);
        JsonNode view = w.asAdmin().get("/api/v1/promotions/" + id).json();
        assertThat(view.path("budgetLeft").asLong()).isZero();
        assertThat(view.path("given").path("points").asLong()).isEqualTo(50);
        assertThat(view.path("given").path("members").asLong()).isEqualTo(2);
        long last = w.purchase(till, "L-4", m2, "1.00", "PAID").json().path("id").asLong();
        assertThat(w.asAdmin().get("/api/v1/purchases/" + last + "/promotions").json().path("considered").get(0)
                .path("outcome").asString()).isEqualTo("MEMBER_LIMIT_REACHED");
        w.assertBooksBalance();
    }

    @Test
    void anEndBeforeTheStartOrAConditionOnAnUnknownFieldIsRefusedByNameAndNothingIsSaved() {
        World w = fixtures.world(api);
        Map<String, Object> backwards = promotion("Backwards", Map.of("type", "FIXED_POINTS", "points", 5), List.of());
        backwards.put("validUntil", Instant.now().minus(500, ChronoUnit.DAYS).toString());
        Api.Response r = w.asAdmin().post("/api/v1/promotions", backwards);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("validUntil", "must be after the start");

        Api.Response unknown = w.asAdmin().post("/api/v1/promotions", promotion("Colour",
                Map.of("type", "FIXED_POINTS", "points", 5), List.of(Map.of("field", "colour", "value", "red"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("trigger.conditions[0].field", "'colour' is not a condition");

        Map<String, Object> stranger = promotion("Elsewhere", Map.of("type", "FIXED_POINTS", "points", 5), List.of());
        stranger.put("target", Map.of("storeIds", List.of(Long.MAX_VALUE)));
        assertThat(w.asAdmin().post("/api/v1/promotions", stranger).status()).isEqualTo(400);

        assertThat(w.asAdmin().get("/api/v1/promotions").json().size()).isZero();
    }

    @Test
    void simulatingAPurchaseSaysWhatEachPromotionWouldGiveAndWritesNothing() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, "simulate").path("id").asLong();
        activeOne(w, promotion("Coffee +50", Map.of("type", "FIXED_POINTS", "points", 50),
                List.of(Map.of("field", "categories", "values", List.of("Coffee")))));

        Api.Response sim = till.post("/api/v1/campaigns/simulate", Map.of("memberId", m, "total", "12.00",
                "lines", List.of(Map.of("productId", "ESP", "category", "coffee", "quantity", 2, "unitPrice", "6.00"))));
        assertThat(sim.status()).as(sim.toString()).isEqualTo(200);
        assertThat(sim.json().path("purchasePoints").asLong()).isEqualTo(12);
        assertThat(sim.json().path("promotionPoints").asLong()).isEqualTo(50);
        assertThat(sim.json().path("considered").get(0).path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(w.available(m)).isZero();

        Api.Response tea = till.post("/api/v1/campaigns/simulate", Map.of("total", "12.00",
                "lines", List.of(Map.of("productId", "TEA", "category", "tea", "quantity", 1, "unitPrice", "12.00"))));
        assertThat(tea.json().path("considered").get(0).path("why").asString()).contains("no line in coffee");

        Api.Response counted = w.purchase(till, Map.of("orderId", "C-1", "member", Map.of("id", m), "currency", "EUR",
                "total", "12.00", "status", "PAID",
                "lines", List.of(Map.of("productId", "ESP", "category", "Coffee", "quantity", 2, "unitPrice", "6.00"))));
        assertThat(counted.status()).as(counted.toString()).isEqualTo(201);
        assertThat(w.available(m)).as("the live path agrees with the simulation").isEqualTo(62);
    }

    @Test
    void aDryRunReplaysADraftOverTheLastDaysPurchasesAndReportsReachCostAndBurn() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m1 = w.enrol(till, "dry1").path("id").asLong();
        long m2 = w.enrol(till, "dry2").path("id").asLong();
        for (int i = 0; i < 3; i++) {
            w.purchase(till, Map.of("orderId", "D-" + i, "member", Map.of("id", i == 2 ? m2 : m1), "currency", "EUR",
                    "total", "30.00", "status", "PAID",
                    "occurredAt", Instant.now().minus(i + 1, ChronoUnit.DAYS).toString()));
        }
        w.purchase(till, Map.of("orderId", "D-old", "member", Map.of("id", m1), "currency", "EUR", "total", "30.00",
                "status", "PAID", "occurredAt", Instant.now().minus(60, ChronoUnit.DAYS).toString()));
        Map<String, Object> draft = promotion("Try +40", Map.of("type", "FIXED_POINTS", "points", 40), List.of());
        draft.put("limits", Map.of("budgetPoints", 100));

        Api.Response run = w.asAdmin().post("/api/v1/promotions/dry-run", Map.of("promotion", draft, "days", 30));
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonNode r = run.json();
        assertThat(r.path("purchases").asLong()).isEqualTo(3);
        assertThat(r.path("applied").asLong()).isEqualTo(3);
        assertThat(r.path("members").asLong()).isEqualTo(2);
        assertThat(r.path("points").asLong()).as("40 + 40 + the 20 left").isEqualTo(100);
        assertThat(r.path("budgetSpentOn").isNull()).isFalse();
        assertThat(r.path("perDay").size()).isEqualTo(3);
        assertThat(w.asAdmin().get("/api/v1/promotions").json().size()).as("nothing saved").isZero();
        assertThat(w.available(m1)).isEqualTo(90);
    }

    @Test
    void inACoalitionThePromotionIsPaidFromTheCompanysBudgetAndStopsAtWhatIsLeft() {
        World w = fixtures.world(api, false, true);
        long[] shop = w.company("Shop");
        w.recharge(shop[0], 50);
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, "coalition").path("id").asLong();
        activeOne(w, promotion("Big +100", Map.of("type", "FIXED_POINTS", "points", 100), List.of()));

        long purchase = w.purchase(till, "B-1", m, "10.00", "PAID").json().path("id").asLong();
        assertThat(w.available(m)).as("10 of its own, and the 40 the budget had left").isEqualTo(50);
        assertThat(w.budget(shop[0])).isZero();
        assertThat(w.asAdmin().get("/api/v1/purchases/" + purchase + "/promotions").json().path("considered").get(0)
                .path("why").asString()).contains("company's budget");
        w.assertBooksBalance();
    }
}
