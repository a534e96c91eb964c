package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.TierRecalculation;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Tiers through the API: qualification, benefits applied by the engine, downgrades, manual tiers, what-if. */
class TiersTest extends IntegrationTest {

    @Autowired
    TierRecalculation recalculation;

    @Autowired
    org.loyaltyhub.support.TierChangesSeen published;

    static Map<String, Object> tier(String en, String it, int threshold, String multiplier, int extraPercent) {
        Map<String, Object> t = new HashMap<>(Map.of("nameEn", en, "nameIt", it, "colour", "#c9a227",
                "threshold", threshold, "earnMultiplier", multiplier, "redeemExtraPercent", extraPercent));
        t.put("benefitsEn", en + " benefits");
        return t;
    }

    static Map<String, Object> policy(String window, Integer months, String downgrade, Integer below) {
        Map<String, Object> p = new HashMap<>(Map.of("basis", "POINTS_EARNED", "window", window,
                "downgrade", downgrade, "graceDays", 0));
        if (months != null) {
            p.put("windowMonths", months);
        }
        if (below != null) {
            p.put("belowMonths", below);
        }
        return p;
    }

    record Setup(World w, Api till, long silver, long gold, long[] shop) {
    }

    private Setup circuitWithSilverAndGold(Map<String, Object> policy) {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Tiered");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        Api.Response p = w.asAdmin().put("/api/v1/tiers/policy", policy);
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        Api.Response silver = w.asAdmin().post("/api/v1/tiers", tier("Silver", "Argento", 100, "1", 0));
        assertThat(silver.status()).as(silver.toString()).isEqualTo(201);
        Api.Response gold = w.asAdmin().post("/api/v1/tiers", tier("Gold", "Oro", 200, "1.5", 10));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
        return new Setup(w, till, silver.json().path("id").asLong(), gold.json().path("id").asLong(), shop);
    }

    private String tierOf(Setup s, long member) {
        JsonNode tier = s.w().asAdmin().get("/api/v1/members/" + member + "/tier").json().path("standing").path("tier");
        return tier.isMissingNode() || tier.isNull() ? "none" : tier.path("name").path("en").asString();
    }

    @Test
    void promotionAndReferralPointsCountTowardTiersOnlyWhenTheCircuitSaysSo() {
        Setup s = circuitWithSilverAndGold(policy("LIFETIME", null, "NEVER", null));
        org.loyaltyhub.support.ReferralSteps.set(s.w(), Map.of());
        PromotionsTest.activeOne(s.w(), PromotionsTest.promotion("Fifty more", Map.of("type", "FIXED_POINTS",
                "points", 50), List.of()));
        long anna = s.w().enrol(s.till(), "anna").path("id").asLong();
        long bruno = s.w().enrol(s.till(), "bruno").path("id").asLong();
        long carla = s.w().enrol(s.till(), "carla").path("id").asLong();
        String code = org.loyaltyhub.support.ReferralSteps.code(s.w(), anna);
        org.loyaltyhub.support.ReferralSteps.refer(s.till(), bruno, code);
        org.loyaltyhub.support.ReferralSteps.refer(s.till(), carla, code);

        s.w().purchase(s.till(), "B-1", bruno, "30.00", "PAID");
        assertThat(s.w().available(bruno)).as("30 + 50 promotion + 50 welcome").isEqualTo(130);
        assertThat(s.w().available(anna)).as("the referrer's 100").isEqualTo(100);
        assertThat(tierOf(s, bruno)).as("by default only the purchase's 30 count").isEqualTo("none");
        assertThat(tierOf(s, anna)).isEqualTo("none");

        Map<String, Object> counting = policy("LIFETIME", null, "NEVER", null);
        counting.put("bonusPoints", List.of("PROMOTIONS", "REFERRALS"));
        Api.Response saved = s.w().asAdmin().put("/api/v1/tiers/policy", counting);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(s.w().asAdmin().get("/api/v1/tiers/policy").json().path("bonusPoints").toString())
                .contains("PROMOTIONS", "REFERRALS");

        s.w().purchase(s.till(), "B-2", bruno, "30.00", "PAID");
        assertThat(tierOf(s, bruno)).as("30 + 30 + 50 from now on: 110").isEqualTo("Silver");
        s.w().purchase(s.till(), "C-1", carla, "30.00", "PAID");
        assertThat(tierOf(s, anna)).as("Carla's referral gave Anna 100 that count").isEqualTo("Silver");
        assertThat(s.w().asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window", "LIFETIME",
                "downgrade", "NEVER", "graceDays", 0, "bonusPoints", List.of("BIRTHDAYS"))).status()).isEqualTo(400);
    }

    @Test
    void aPurchaseCrossingAThresholdUpgradesAtOnceAndTheNextPurchaseEarnsWithTheTiersMultiplier() {
        Setup s = circuitWithSilverAndGold(policy("ROLLING_MONTHS", 12, "AFTER_MONTHS_BELOW", 3));
        long m = s.w().enrol(s.till(), "goldie").path("id").asLong();

        s.w().purchase(s.till(), "T-1", m, "250.00", "PAID");
        JsonNode tier = s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json();
        assertThat(tier.path("standing").path("tier").path("name").path("en").asString()).isEqualTo("Gold");
        assertThat(tier.path("standing").path("explanation").asString())
                .isEqualTo("Gold since " + LocalDate.now(java.time.ZoneOffset.UTC) + ": 250 points in 12 months");
        assertThat(tier.path("history").get(0).path("kind").asString()).isEqualTo("TIER_UP");
        assertThat(tier.path("history").get(0).path("reason").asString()).startsWith("Gold since ");
        assertThat(s.w().available(m)).as("the upgrading purchase earns at the old rate").isEqualTo(250);

        s.w().purchase(s.till(), "T-2", m, "100.00", "PAID");
        assertThat(s.w().available(m)).as("Gold earns 1.5x").isEqualTo(400);
        assertThat(s.w().movements(m).getFirst().path("reason").asString()).contains("Gold ×1.5");

        JsonNode quote = s.till().post("/api/v1/redemptions/quote", Map.of("member", Map.of("id", m),
                "cart", Map.of("total", "50.00", "currency", "EUR"), "points", 100)).json();
        assertThat(quote.path("bonuses").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Gold: points worth 10 % more");
        assertThat(new java.math.BigDecimal(quote.path("discount").path("amount").asString())).isEqualByComparingTo("1.10");
        s.w().assertBooksBalance();
    }

    @Test
    void aMemberWithoutActivityIsInTheEntryTierWhenOneStartsAtZero() {
        Setup s = circuitWithSilverAndGold(policy("LIFETIME", null, "NEVER", null));
        long m = s.w().enrol(s.till(), "newcomer").path("id").asLong();
        assertThat(s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json().path("standing").path("tier")
                .path("name").path("en").isMissingNode()).as("Silver starts at 100: no tier yet").isTrue();

        Api.Response entry = s.w().asAdmin().post("/api/v1/tiers", tier("Bronze", "Bronzo", 0, "1.2", 0));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        JsonNode standing = s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json().path("standing");
        assertThat(standing.path("tier").path("name").path("en").asString()).isEqualTo("Bronze");
        s.w().purchase(s.till(), "E-1", m, "10.00", "PAID");
        assertThat(s.w().available(m)).as("Bronze earns 1.2x from the first purchase").isEqualTo(12);
    }

    @Test
    void concurrentPurchasesCrossingAThresholdUpgradeExactlyOnce() throws Exception {
        Setup s = circuitWithSilverAndGold(policy("LIFETIME", null, "NEVER", null));
        long m = s.w().enrol(s.till(), "racer").path("id").asLong();
        s.w().purchase(s.till(), "R-0", m, "90.00", "PAID");
        int n = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> done = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String order = "R-" + (i + 1);
                Callable<Integer> buy = () -> {
                    start.await();
                    return s.w().purchase(s.till(), order, m, "20.00", "PAID").status();
                };
                done.add(pool.submit(buy));
            }
            start.countDown();
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode tier = s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json();
        assertThat(tier.path("standing").path("tier").path("name").path("en").asString()).isEqualTo("Gold");
        assertThat(tier.path("history").valueStream().map(e -> e.path("to").asString()).toList())
                .as("one upgrade to Silver and one to Gold, whatever the interleaving").containsExactly("Gold", "Silver");
        assertThat(published.of(m)).extracting(TierChanged::kind, TierChanged::to)
                .as("each published once").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(StatusEventKind.TIER_UP, "Silver"),
                        org.assertj.core.groups.Tuple.tuple(StatusEventKind.TIER_UP, "Gold"));
        s.w().assertBooksBalance();
    }

    @Test
    void aTierMovesDownAtTheEndOfTheQualifyingPeriodWhenTheNightlyRecalculationRuns() {
        Setup s = circuitWithSilverAndGold(policy("CALENDAR_YEAR", null, "END_OF_PERIOD", null));
        long m = s.w().enrol(s.till(), "lapsing").path("id").asLong();
        s.w().purchase(s.till(), "Y-1", m, "150.00", "PAID");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        JsonNode standing = s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json().path("standing");
        assertThat(standing.path("tier").path("name").path("en").asString()).isEqualTo("Silver");
        assertThat(standing.path("keptUntil").asString()).isEqualTo((today.getYear() + 1) + "-12-31");

        recalculation.runAt(LocalDate.of(today.getYear() + 1, 12, 31));
        assertThat(s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json().path("standing").path("tier")
                .path("name").path("en").asString()).as("kept to the end of the next year").isEqualTo("Silver");

        TierRecalculation.Run run = recalculation.runAt(LocalDate.of(today.getYear() + 2, 1, 1));
        assertThat(run.down()).isGreaterThanOrEqualTo(1);
        JsonNode after = s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json();
        assertThat(after.path("history").get(0).path("kind").asString()).isEqualTo("TIER_DOWN");
        assertThat(after.path("history").get(0).path("reason").asString())
                .isEqualTo("No tier since " + (today.getYear() + 2) + "-01-01: 0 points in " + (today.getYear() + 2)
                        + ", below Silver's 100 points");
        assertThat(recalculation.runAt(LocalDate.of(today.getYear() + 2, 1, 1)).down())
                .as("a second round the same day moves nobody").isZero();
        s.w().assertBooksBalance();
    }

    @Test
    void anAdministratorsManualTierOverridesTheComputedOneUntilItEnds() {
        Setup s = circuitWithSilverAndGold(policy("LIFETIME", null, "NEVER", null));
        long m = s.w().enrol(s.till(), "vip").path("id").asLong();
        s.w().purchase(s.till(), "V-1", m, "120.00", "PAID");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, Object> manual = Map.of("tierId", s.gold(), "reason", "Press partner", "until",
                today.plusDays(10).toString());
        Api.Response set = s.w().asAdmin().put("/api/v1/members/" + m + "/tier/manual", manual);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("standing").path("tier").path("name").path("en").asString()).isEqualTo("Gold");
        assertThat(set.json().path("standing").path("manual").asBoolean()).isTrue();
        assertThat(s.w().asAdmin().put("/api/v1/members/" + m + "/tier/manual", manual).json().path("history")
                .valueStream().filter(e -> e.path("kind").asString().equals("TIER_SET_MANUALLY")).count())
                .as("setting the same again records nothing").isEqualTo(1);
        s.w().purchase(s.till(), "V-2", m, "10.00", "PAID");
        assertThat(s.w().available(m)).as("the manual Gold earns 1.5x").isEqualTo(135);

        assertThat(s.w().as(s.w().operator("STORE_OPERATOR", null, s.shop()[1])).put("/api/v1/members/" + m + "/tier/manual",
                manual).status()).isEqualTo(403);

        recalculation.runAt(today.plusDays(11));
        JsonNode after = s.w().asAdmin().get("/api/v1/members/" + m + "/tier").json();
        assertThat(after.path("standing").path("tier").path("name").path("en").asString()).isEqualTo("Silver");
        assertThat(after.path("history").get(0).path("kind").asString()).isEqualTo("TIER_MANUAL_ENDED");

        s.w().asAdmin().put("/api/v1/members/" + m + "/tier/manual", Map.of("tierId", s.gold(), "reason", "Again"));
        Api.Response cleared = s.w().asAdmin().delete("/api/v1/members/" + m + "/tier/manual?reason=done");
        assertThat(cleared.json().path("standing").path("tier").path("name").path("en").asString()).isEqualTo("Silver");
        assertThat(cleared.json().path("history").get(0).path("reason").asString()).startsWith("Ended by an administrator: done");
    }

    @Test
    void whatIfCountsWhoWouldMoveWithoutSavingAnything() {
        Setup s = circuitWithSilverAndGold(policy("LIFETIME", null, "NEVER", null));
        long a = s.w().enrol(s.till(), "a").path("id").asLong();
        long b = s.w().enrol(s.till(), "b").path("id").asLong();
        long c = s.w().enrol(s.till(), "c").path("id").asLong();
        s.w().purchase(s.till(), "W-1", a, "50.00", "PAID");
        s.w().purchase(s.till(), "W-2", b, "150.00", "PAID");
        s.w().purchase(s.till(), "W-3", c, "250.00", "PAID");

        Map<String, Object> silver = new HashMap<>(tier("Silver", "Argento", 50, "1", 0));
        silver.put("id", s.silver());
        Map<String, Object> gold = new HashMap<>(tier("Gold", "Oro", 300, "1.5", 10));
        gold.put("id", s.gold());
        Api.Response r = s.w().asAdmin().post("/api/v1/tiers/what-if", Map.of(
                "policy", policy("LIFETIME", null, "NEVER", null), "tiers", List.of(silver, gold)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("members").asLong()).isEqualTo(3);
        assertThat(r.json().path("up").asLong()).as("a reaches Silver at 50").isEqualTo(1);
        assertThat(r.json().path("down").asLong()).as("c falls below Gold's 300").isEqualTo(1);
        assertThat(r.json().path("unchanged").asLong()).isEqualTo(1);
        assertThat(s.w().asAdmin().get("/api/v1/tiers").json().get(0).path("threshold").asInt())
                .as("nothing saved").isEqualTo(100);
        assertThat(s.w().asAdmin().get("/api/v1/members/" + a + "/tier").json().path("standing").path("tier").isNull())
                .isTrue();
    }

    @Test
    void badTiersAndPoliciesAreRefusedWithAProblemAndNothingIsSaved() {
        Setup s = circuitWithSilverAndGold(policy("LIFETIME", null, "NEVER", null));
        Api admin = s.w().asAdmin();
        Api.Response duplicate = admin.post("/api/v1/tiers", tier("Bronze", "Bronzo", 100, "1", 0));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("same threshold");
        Api.Response negative = admin.post("/api/v1/tiers", tier("Bronze", "Bronzo", 10, "-1", 0));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("earnMultiplier");
        Api.Response fraction = admin.post("/api/v1/tiers", tier("Half", "Mezzo", 10, "1", 0));
        assertThat(fraction.status()).isEqualTo(201);
        Map<String, Object> decimal = new HashMap<>(tier("Odd", "Strano", 0, "1", 0));
        decimal.put("threshold", "12.5");
        assertThat(admin.post("/api/v1/tiers", decimal).body()).contains("whole number");
        assertThat(admin.put("/api/v1/tiers/policy", policy("LIFETIME", null, "END_OF_PERIOD", null)).status())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/tiers/policy", policy("ROLLING_MONTHS", null, "NEVER", null)).body())
                .contains("windowMonths");
        assertThat(admin.put("/api/v1/tiers/999999999", tier("Ghost", "Fantasma", 5, "1", 0)).status()).isEqualTo(404);

        Setup other = circuitWithSilverAndGold(policy("LIFETIME", null, "NEVER", null));
        assertThat(admin.put("/api/v1/tiers/" + other.gold(), tier("Mine", "Mio", 5, "1", 0)).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/tiers/" + other.gold()).status()).isEqualTo(404);
        long m = s.w().enrol(s.till(), "x").path("id").asLong();
        Api.Response foreign = admin.put("/api/v1/members/" + m + "/tier/manual",
                Map.of("tierId", other.gold(), "reason", "nope"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("tierId");
        assertThat(s.w().as(s.w().operator("STORE_OPERATOR", null, s.shop()[1])).post("/api/v1/tiers",
                tier("Till", "Cassa", 7, "1", 0)).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/tiers").json().valueStream().map(t -> t.path("nameEn").asString()).toList())
                .containsExactly("Half", "Silver", "Gold");
    }
}
