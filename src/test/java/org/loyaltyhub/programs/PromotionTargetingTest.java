package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.promotions.CampaignJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A promotion's target (issue 12 §2: tiers, stores, companies, channel) decides which purchases it applies to, and the
 * purchase's promotions say why the others were not targeted; limits and budgets hold for event and date promotions as
 * for purchases.
 */
class PromotionTargetingTest extends IntegrationTest {

    @Autowired
    CampaignJobs jobs;

    private static Map<String, Object> targeted(String name, long points, Map<String, Object> target) {
        Map<String, Object> p = PromotionsTest.promotion(name, Map.of("type", "FIXED_POINTS", "points", points), List.of());
        p.put("target", target);
        return p;
    }

    /** Each promotion considered for the purchase, by id: its outcome and why. */
    private static Map<Long, String> considered(World w, long purchaseId) {
        Api.Response r = w.asAdmin().get("/api/v1/purchases/" + purchaseId + "/promotions");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<Long, String> out = new HashMap<>();
        for (JsonNode c : r.json().path("considered")) {
            out.put(c.path("promotionId").asLong(), c.path("outcome").asString() + ": " + c.path("why").asString());
        }
        return out;
    }

    private static long purchase(World w, Api till, String order, long member, String channel) {
        Api.Response r = w.purchase(till, Map.of("orderId", order, "member", Map.of("id", member), "currency", "EUR",
                "total", "10.00", "status", "PAID", "channel", channel));
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json().path("id").asLong();
    }

    @Test
    void aPromotionTargetingAStoreACompanyOrAChannelAppliesToMatchingPurchasesAndSaysWhyNotToOthers() {
        World w = fixtures.world(api);
        long[] bar = w.company("Bar");
        long[] shop = w.company("Shop");
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(barTill, "targeted").path("id").asLong();
        long atTheBar = PromotionsTest.activeOne(w, targeted("Bar +10", 10, Map.of("storeIds", List.of(bar[1]))));
        long atTheShop = PromotionsTest.activeOne(w, targeted("Shop +20", 20, Map.of("companyIds", List.of(shop[0]))));
        long online = PromotionsTest.activeOne(w, targeted("Web +40", 40, Map.of("channels", List.of("web"))));

        long first = purchase(w, barTill, "T-1", m, "pos");
        assertThat(w.available(m)).as("10 of its own, 10 from the bar's promotion").isEqualTo(20);
        Map<Long, String> why = considered(w, first);
        assertThat(why.get(atTheBar)).startsWith("APPLIED");
        assertThat(why.get(atTheShop)).startsWith("NOT_TARGETED").contains("company #" + bar[0]);
        assertThat(why.get(online)).startsWith("NOT_TARGETED").contains("channel pos");

        long second = purchase(w, shopTill, "T-2", m, "web");
        assertThat(w.available(m)).as("20, then 10 of its own, 20 from the shop's and 40 from the web's").isEqualTo(90);
        why = considered(w, second);
        assertThat(why.get(atTheBar)).startsWith("NOT_TARGETED").contains("store #" + shop[1]);
        assertThat(why.get(atTheShop)).startsWith("APPLIED");
        assertThat(why.get(online)).startsWith("APPLIED");
        w.assertBooksBalance();
    }

    @Test
    void aPromotionTargetingATierAppliesToItsMembersOnly() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Tiered");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        assertThat(w.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window", "LIFETIME",
                "downgrade", "NEVER", "graceDays", 0)).status()).isEqualTo(200);
        Api.Response silver = w.asAdmin().post("/api/v1/tiers", TiersTest.tier("Silver", "Argento", 0, "1", 0));
        Api.Response gold = w.asAdmin().post("/api/v1/tiers", TiersTest.tier("Gold", "Oro", 100, "1", 0));
        assertThat(List.of(silver.status(), gold.status())).as(gold.toString()).containsExactly(201, 201);
        long goldId = gold.json().path("id").asLong();
        long anna = w.enrol(till, "tier-anna").path("id").asLong();
        long bruno = w.enrol(till, "tier-bruno").path("id").asLong();
        w.purchase(till, "G-0", anna, "150.00", "PAID");
        w.purchase(till, "S-0", bruno, "5.00", "PAID");
        assertThat(w.asAdmin().get("/api/v1/members/" + anna + "/tier").json().path("standing").path("tier")
                .path("id").asLong()).as("Anna reached Gold").isEqualTo(goldId);
        long forGold = PromotionsTest.activeOne(w, targeted("Gold +25", 25, Map.of("tierIds", List.of(goldId))));

        long annas = purchase(w, till, "G-1", anna, "pos");
        long brunos = purchase(w, till, "S-1", bruno, "pos");
        assertThat(considered(w, annas).get(forGold)).startsWith("APPLIED");
        assertThat(considered(w, brunos).get(forGold)).startsWith("NOT_TARGETED").contains("tier");
        assertThat(w.available(anna)).isEqualTo(150 + 10 + 25);
        assertThat(w.available(bruno)).as("Silver: no bonus").isEqualTo(5 + 10);
    }

    @Test
    void anEventPromotionsMemberLimitAndBudgetHold() {
        World w = fixtures.world(api);
        long anna = w.enrol(w.asAdmin(), "limit-anna").path("id").asLong();
        long bruno = w.enrol(w.asAdmin(), "limit-bruno").path("id").asLong();
        Map<String, Object> p = CampaignEventsTest.onEvent("Check-in +20", "store_checkin", List.of(),
                Map.of("type", "FIXED_POINTS", "points", 20));
        p.put("limits", Map.of("perMember", 2, "period", "DAY", "budgetPoints", 50));
        PromotionsTest.activeOne(w, p);

        for (int i = 0; i < 3; i++) {
            CampaignEventsTest.event(w.asAdmin(), "a-" + i, anna, "store_checkin", Map.of());
        }
        assertThat(w.available(anna)).as("twice a day").isEqualTo(40);
        Api.Response capped = CampaignEventsTest.event(w.asAdmin(), "b-1", bruno, "store_checkin", Map.of());
        assertThat(capped.json().path("outcomes").toString()).contains("+10 points");
        Api.Response spent = CampaignEventsTest.event(w.asAdmin(), "b-2", bruno, "store_checkin", Map.of());
        assertThat(spent.json().path("outcomes").toString()).contains("BUDGET_SPENT");
        assertThat(w.available(bruno)).as("the 10 the budget had left").isEqualTo(10);
        w.assertBooksBalance();
    }

    @Test
    void aPeriodicGiftsMemberLimitAndBudgetHold() {
        World w = fixtures.world(api);
        long anna = w.enrol(w.asAdmin(), "gift-anna").path("id").asLong();
        long bruno = w.enrol(w.asAdmin(), "gift-bruno").path("id").asLong();
        Map<String, Object> p = CampaignDatesTest.dated("Monday gift", Map.of("type", "SCHEDULE", "every", "WEEK",
                "day", 1), 100);
        p.put("validFrom", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        p.put("limits", Map.of("perMember", 1, "period", "MONTH", "budgetPoints", 250));
        PromotionsTest.activeOne(w, p);
        Instant monday = nextMonday(Instant.now().plus(1, ChronoUnit.DAYS));

        clock.set(monday);
        jobs.runAt(clock.instant());
        assertThat(List.of(w.available(anna), w.available(bruno))).containsExactly(100L, 100L);
        Instant week = monday.plus(7, ChronoUnit.DAYS);
        clock.set(week);
        jobs.runAt(clock.instant());
        boolean sameMonth = week.atZone(java.time.ZoneId.of("Europe/Rome")).getMonth()
                == monday.atZone(java.time.ZoneId.of("Europe/Rome")).getMonth();
        if (sameMonth) {
            assertThat(w.available(anna) + w.available(bruno)).as("once a month").isEqualTo(200);
        }
        for (int i = 0; i < 6; i++) {
            clock.set(clock.instant().plus(7, ChronoUnit.DAYS));
            jobs.runAt(clock.instant());
        }
        assertThat(w.available(anna) + w.available(bruno)).as("never past its budget").isEqualTo(250);
        assertThat(Math.max(w.available(anna), w.available(bruno))).as("once a month each").isLessThanOrEqualTo(200);
        w.assertBooksBalance();
    }

    /** 08:00 UTC on the first Monday from {@code from}. */
    private static Instant nextMonday(Instant from) {
        java.time.LocalDate d = java.time.LocalDate.ofInstant(from, java.time.ZoneOffset.UTC);
        while (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        return d.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC);
    }
}
