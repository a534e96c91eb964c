package org.loyaltyhub.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

/** Campaign, coupon and reward performance (issue 14): circuit totals, and a company sees only its own stores'. */
class PerformanceReportsTest extends IntegrationTest {

    private record Scene(World w, long[] shop, long[] bar, long reward, long coupon, long promotion) {
    }

    private Scene scene() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        long member = w.enrol(shopTill, "performer").path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 300, "note", "for rewards")).status()).isEqualTo(201);

        Map<String, Object> promotion = new HashMap<>(Map.of("name", "Double over 20",
                "validFrom", Instant.now().minus(10, ChronoUnit.DAYS).toString(), "priority", 10,
                "trigger", Map.of("type", "PURCHASE", "conditions", List.of(Map.of("field", "minSpend", "value", "20"))),
                "effect", Map.of("type", "MULTIPLIER", "factor", "2")));
        long promotionId = created(w.asAdmin().post("/api/v1/promotions", promotion));
        assertThat(w.asAdmin().post("/api/v1/promotions/" + promotionId + "/activate", Map.of()).status()).isEqualTo(200);

        // the purchases first: a bar purchase (recorded by the circuit administrator, as the bar's till does not
        // know the shop's customer yet) makes the member one of the bar's customers too (companies kept apart)
        assertThat(w.purchase(shopTill, "T-1", member, "40.00", "PAID").status()).isEqualTo(201);
        assertThat(w.purchase(shopTill, "C-1", member, "30.00", "PAID").status()).isEqualTo(201);
        assertThat(atBar(w, bar, "B-1", member, "25.00").status()).isEqualTo(201);
        assertThat(atBar(w, bar, "B-2", member, "5.00").status()).isEqualTo(201);

        long reward = created(w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FIXED_AMOUNT", "titleEn", "Five off",
                "titleIt", "Cinque di sconto", "points", 100, "amount", "5.00", "voucherDays", 30)));
        String first = claim(shopTill, member, reward, "c1");
        claim(shopTill, member, reward, "c2");
        String atBar = claim(barTill, member, reward, "c3");
        assertThat(shopTill.post("/api/v1/vouchers/" + first + "/redeem", Map.of("orderId", "T-1")).status())
                .isEqualTo(200);
        assertThat(barTill.post("/api/v1/vouchers/" + atBar + "/redeem", Map.of("orderId", "X-1")).status())
                .isEqualTo(200);

        String shared = "PERF" + (System.nanoTime() % 100000);
        long coupon = created(w.asAdmin().post("/api/v1/campaigns", Map.of("name", "Welcome bonus",
                "gives", "BONUS_POINTS", "bonusPoints", 250, "codeMode", "SHARED", "sharedCode", shared,
                "validFrom", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                "validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString())));
        assertThat(shopTill.post("/api/v1/vouchers/" + shared + "/redeem", Map.of("memberId", member,
                "orderId", "C-1")).status()).isEqualTo(200);

        return new Scene(w, shop, bar, reward, coupon, promotionId);
    }

    @Test
    void eachReportCountsWhatWasIssuedRedeemedSpentAndBoughtAndACompanySeesOnlyItsOwnStores() {
        Scene s = scene();
        Api barAdmin = api.as(s.w().operator("COMPANY_ADMIN", s.bar()[0], null));

        JsonNode rewards = item(s.w().asAdmin(), "REWARDS", s.reward());
        assertThat(rewards.path("name").asString()).isEqualTo("Five off");
        assertThat(figures(rewards)).containsExactly(3L, 2L, 300L, 1L);
        assertThat(rewards.path("spend").path("amount").asString()).isEqualTo("40.00");
        assertThat(figures(item(barAdmin, "REWARDS", s.reward()))).containsExactly(1L, 1L, 100L, 0L);

        JsonNode coupons = item(s.w().asAdmin(), "COUPONS", s.coupon());
        assertThat(figures(coupons)).containsExactly(1L, 1L, 250L, 1L);
        assertThat(coupons.path("spend").path("amount").asString()).isEqualTo("30.00");
        assertThat(figures(item(barAdmin, "COUPONS", s.coupon()))).containsExactly(0L, 0L, 0L, 0L);

        JsonNode campaigns = item(s.w().asAdmin(), "CAMPAIGNS", s.promotion());
        assertThat(campaigns.path("issued").asLong()).as("three purchases over 20").isEqualTo(3);
        assertThat(campaigns.path("redeemed").isNull()).isTrue();
        assertThat(campaigns.path("points").asLong()).isEqualTo(40 + 30 + 25);
        assertThat(campaigns.path("purchases").asLong()).isEqualTo(3);
        assertThat(campaigns.path("spend").path("amount").asString()).isEqualTo("95.00");
        JsonNode barCampaigns = item(barAdmin, "CAMPAIGNS", s.promotion());
        assertThat(barCampaigns.path("points").asLong()).isEqualTo(25);
        assertThat(barCampaigns.path("spend").path("amount").asString()).isEqualTo("25.00");

        assertThat(barAdmin.get("/api/v1/reports/performance?subject=REWARDS&companyId=" + s.shop()[0]).status())
                .as("another company's figures").isEqualTo(403);
        Api.Response csv = s.w().asAdmin().get("/api/v1/reports/performance.csv?subject=REWARDS");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,name,issued,redeemed,points,purchases,spend,currency")
                .contains(s.reward() + ",Five off,3,2,300,1,40.00,EUR");
        assertThat(s.w().asAdmin().get("/api/v1/reports/performance?subject=SALES").status()).isEqualTo(400);
        assertThat(s.w().asAdmin().get("/api/v1/reports/performance?subject=REWARDS&from=2026-02-01&to=2026-01-01")
                .status()).isEqualTo(400);
        Api operator = api.as(s.w().operator("STORE_OPERATOR", s.bar()[0], s.bar()[1]));
        assertThat(operator.get("/api/v1/reports/performance?subject=REWARDS").status()).isEqualTo(403);
    }

    private static Api.Response atBar(World w, long[] bar, String order, long member, String total) {
        return w.asAdmin().post("/api/v1/purchases", Map.of("orderId", order, "storeId", bar[1],
                "member", Map.of("id", member), "currency", "EUR", "total", total, "status", "PAID"));
    }

    private static long created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private static String claim(Api till, long member, long reward, String claimId) {
        Api.Response r = till.post("/api/v1/members/" + member + "/reward-claims", Map.of("rewardId", reward,
                "claimId", claimId));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("code").asString();
    }

    private static JsonNode item(Api as, String subject, long id) {
        Api.Response r = as.get("/api/v1/reports/performance?subject=" + subject);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream().filter(i -> i.path("id").asLong() == id).findFirst().orElseThrow();
    }

    private static List<Long> figures(JsonNode item) {
        return List.of(item.path("issued").asLong(), item.path("redeemed").asLong(), item.path("points").asLong(),
                item.path("purchases").asLong());
    }
}
