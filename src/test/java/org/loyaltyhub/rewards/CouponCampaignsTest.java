package org.loyaltyhub.rewards;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class CouponCampaignsTest extends IntegrationTest {

    static Map<String, Object> campaign(String name, Map<String, Object> overrides) {
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "gives", "FIXED_AMOUNT", "amount", "5.00",
                "validFrom", now.minus(1, ChronoUnit.DAYS).toString(),
                "validUntil", now.plus(30, ChronoUnit.DAYS).toString(), "codeMode", "UNIQUE"));
        body.putAll(overrides);
        return body;
    }

    static long create(World world, Map<String, Object> body) {
        Api.Response r = world.asAdmin().post("/api/v1/campaigns", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    static String csv(World world, long id) {
        Api.Response r = world.asAdmin().header("Accept", "text/csv").get("/api/v1/campaigns/" + id + "/codes.csv");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    @Test
    void generatingCodesMakesExactlyTheTotalAskedAllDistinctAndAskingAgainMakesNoMore() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        long id = create(s.world, campaign("Flyer", Map.of()));

        Api.Response made = s.world.asAdmin().post("/api/v1/campaigns/" + id + "/codes", Map.of("total", 12_000));
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        assertThat(made.json().path("total").asInt()).isEqualTo(12_000);
        Api.Response again = s.world.asAdmin().post("/api/v1/campaigns/" + id + "/codes", Map.of("total", 12_000));
        assertThat(again.json().path("made").asInt()).isZero();

        String csv = csv(s.world, id);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("code,printed,member_id,status,expires_at");
        Set<String> codes = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String code = lines[i].split(",")[0];
            VoucherCode.parse(code);
            codes.add(code);
        }
        assertThat(codes).hasSize(12_000);
        assertThat(s.world.asAdmin().get("/api/v1/campaigns/" + id + "/figures").json().path("issued").asLong())
                .isEqualTo(12_000);
    }

    @Test
    void aUniqueCodeIsRedeemedOnceAndCountsInTheFiguresWithTheSalesOfItsOrder() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        Map<String, Object> percent = campaign("Ten percent", Map.of("gives", "PERCENT", "percent", "10", "cap", "3.00"));
        percent.remove("amount");
        long id = create(s.world, percent);
        s.world.asAdmin().post("/api/v1/campaigns/" + id + "/codes", Map.of("total", 4));
        Api.Response given = s.world.asAdmin().post("/api/v1/campaigns/" + id + "/assignments",
                Map.of("memberIds", List.of(s.member)));
        assertThat(given.json().path("assigned").asInt()).as(given.toString()).isEqualTo(1);
        assertThat(s.world.asAdmin().post("/api/v1/campaigns/" + id + "/assignments",
                Map.of("memberIds", List.of(s.member))).json().path("alreadyHad").asInt()).isEqualTo(1);
        String code = csv(s.world, id).lines()
                .filter(l -> l.contains("," + s.member + ",")).findFirst().orElseThrow().split(",")[0];

        Api.Response r = s.till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "C-1",
                "cartTotal", "20.00"));
        assertThat(s.world.purchase(s.till, "C-1", s.member, "18.00", "COMPLETED").status()).isEqualTo(201);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("campaignId").asLong()).isEqualTo(id);
        assertThat(s.till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "C-2")).code())
                .isEqualTo("voucher-used");

        JsonNode f = s.world.asAdmin().get("/api/v1/campaigns/" + id + "/figures").json();
        assertThat(f.path("issued").asLong()).isEqualTo(4);
        assertThat(f.path("redeemed").asLong()).isEqualTo(1);
        assertThat(f.path("ratePercent").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(new java.math.BigDecimal(f.path("discount").path("amount").asString())).isEqualByComparingTo("2.00");
        assertThat(new java.math.BigDecimal(f.path("sales").path("amount").asString())).isEqualByComparingTo("18.00");
        assertThat(f.path("redeemedWithoutOrder").asLong()).isZero();
    }

    @Test
    void aSharedCodeIsUsedOncePerMemberAndAnotherCircuitOrAnUnknownCodeIsRefused() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        String shared = "SUMMER" + (System.nanoTime() % 100000);
        long id = create(s.world, campaign("Summer", Map.of("codeMode", "SHARED", "sharedCode", shared.toLowerCase())));
        long other = s.world.enrol(s.till, "other").path("id").asLong();

        Api.Response first = s.till.post("/api/v1/vouchers/" + shared + "/redeem",
                Map.of("memberId", s.member, "orderId", "S-1"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(s.till.post("/api/v1/vouchers/" + shared + "/redeem",
                Map.of("memberId", s.member, "orderId", "S-1")).json().path("id").asLong())
                .isEqualTo(first.json().path("id").asLong());
        Api.Response twice = s.till.post("/api/v1/vouchers/" + shared + "/redeem",
                Map.of("memberId", s.member, "orderId", "S-2"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.code()).isEqualTo("campaign-member-limit-reached");
        assertThat(s.till.post("/api/v1/vouchers/" + shared + "/redeem", Map.of("memberId", other, "orderId", "S-3"))
                .status()).isEqualTo(200);
        assertThat(s.till.post("/api/v1/vouchers/" + shared + "/redeem", Map.of("orderId", "S-4")).code())
                .isEqualTo("campaign-member-needed");

        World stranger = fixtures.world(api);
        long[] shop = stranger.company("Stranger");
        Api strangerTill = stranger.api.withKey(stranger.apiKey(shop[0], shop[1]));
        long theirs = stranger.enrol(strangerTill, "theirs").path("id").asLong();
        Api.Response foreign = strangerTill.post("/api/v1/vouchers/" + shared + "/redeem",
                Map.of("memberId", theirs, "orderId", "F"));
        assertThat(foreign.code()).as("behind the tenant wall another circuit's code is unknown: " + foreign)
                .isEqualTo("not-found");
        assertThat(s.till.post("/api/v1/vouchers/NOSUCHCODE/redeem", Map.of("memberId", s.member)).status())
                .isEqualTo(404);
        assertThat(s.till.post("/api/v1/vouchers/x%3D1/redeem", Map.of("memberId", s.member)).status())
                .isEqualTo(400);
        assertThat(s.world.asAdmin().get("/api/v1/campaigns/" + id + "/figures").json().path("redeemed").asLong())
                .isEqualTo(2);
    }

    @Test
    void bonusPointsAreCreditedOnceWithTheCampaignAsReason() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        String shared = "BONUS" + (System.nanoTime() % 100000);
        create(s.world, campaign("Welcome bonus", Map.of("codeMode", "SHARED", "sharedCode", shared,
                "gives", "BONUS_POINTS", "bonusPoints", 250)));

        for (int i = 0; i < 2; i++) {
            Api.Response r = s.till.post("/api/v1/vouchers/" + shared + "/redeem",
                    Map.of("memberId", s.member, "orderId", "B-1"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        assertThat(s.available()).isEqualTo(250);
        String history = s.world.asAdmin().get("/api/v1/members/" + s.member + "/movements").body();
        assertThat(history).contains("Coupon: Welcome bonus");
        s.world.assertBooksBalance();
    }

    @Test
    void thirtyTwoMembersUsingACodeLimitedToTenGetExactlyTenUses() throws Exception {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        String shared = "RUSH" + (System.nanoTime() % 100000);
        long id = create(s.world, campaign("Rush", Map.of("codeMode", "SHARED", "sharedCode", shared,
                "totalLimit", 10)));
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            members.add(s.world.enrol(s.till, "rush").path("id").asLong());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (long m : members) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return s.till.post("/api/v1/vouchers/" + shared + "/redeem",
                            Map.of("memberId", m, "orderId", "R-" + m));
                }));
            }
            start.countDown();
        }
        int used = 0;
        for (Future<Api.Response> a : answers) {
            Api.Response r = a.get();
            if (r.status() == 200) {
                used++;
            } else {
                assertThat(r.code()).as(r.toString()).isEqualTo("campaign-limit-reached");
            }
        }
        assertThat(used).isEqualTo(10);
        assertThat(s.world.asAdmin().get("/api/v1/campaigns/" + id + "/figures").json().path("redeemed").asLong())
                .isEqualTo(10);
    }

    @Test
    void badCampaignsAreRefusedFieldByFieldAndOperatorsCannotManageCampaigns() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        Api.Response bad = s.world.asAdmin().post("/api/v1/campaigns", campaign("Bad", Map.of("codeMode", "SHARED",
                "sharedCode", "a b", "gives", "PERCENT")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("sharedCode").contains("percent");
        assertThat(s.till.get("/api/v1/campaigns").status()).isEqualTo(403);
        assertThat(s.world.asAdmin().get("/api/v1/campaigns").json().size()).isZero();
    }
}
