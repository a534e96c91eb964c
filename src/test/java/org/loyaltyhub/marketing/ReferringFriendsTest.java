package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.ReferralSteps;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referral over the API (seed 000): a member's code, a friend recorded with it, both rewarded when the friend's first
 * qualifying purchase is paid (never at sign-up, never twice), taken back by a refund within the return window; every
 * guard refuses with its reason, recorded and reported.
 */
class ReferringFriendsTest extends IntegrationTest {

    private record Setup(World w, Api till, long companyId) {
    }

    private Setup circuit(boolean budgets) {
        World w = fixtures.world(api, false, budgets);
        long[] shop = w.company("Referral");
        w.settings(Map.of());
        return new Setup(w, api.withKey(w.apiKey(shop[0], shop[1])), shop[0]);
    }

    @Test
    void bothAreRewardedWhenTheFriendsFirstQualifyingPurchaseIsPaidOnceAndARefundTakesItBack() {
        Setup c = circuit(false);
        World w = c.w();
        ReferralSteps.set(w, Map.of());
        long anna = w.enrol(c.till(), "anna").path("id").asLong();
        long bruno = w.enrol(c.till(), "bruno").path("id").asLong();
        String code = ReferralSteps.code(w, anna);
        assertThat(code).matches("[A-Z2-9]{8}");
        assertThat(ReferralSteps.code(w, anna)).as("one code per member").isEqualTo(code);
        assertThat(w.asAdmin().get("/api/v1/members/" + anna + "/referral").json().path("link").asString())
                .endsWith("/c/" + w.circuitId + "/join?ref=" + code);

        Api.Response recorded = ReferralSteps.refer(c.till(), bruno, code.toLowerCase());
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().path("referrerId").asLong()).isEqualTo(anna);
        assertThat(ReferralSteps.refer(c.till(), bruno, code).status()).as("a retry answers the same").isEqualTo(201);
        assertThat(w.available(anna)).as("nothing at sign-up").isZero();

        long small = ReferralSteps.paid(w, c.till(), bruno, "10.00");
        assertThat(w.available(anna)).as("under the minimum spend").isZero();
        long first = ReferralSteps.paid(w, c.till(), bruno, "30.00");
        assertThat(w.available(anna)).isEqualTo(100);
        assertThat(w.available(bruno)).isEqualTo(10 + 30 + 50);

        assertThat(c.till().patch("/api/v1/purchases/" + first, Map.of("status", "PAID")).status()).isEqualTo(200);
        ReferralSteps.paid(w, c.till(), bruno, "40.00");
        assertThat(w.available(anna)).as("a replay and a second purchase give nothing more").isEqualTo(100);

        assertThat(c.till().patch("/api/v1/purchases/" + small, Map.of("status", "REFUNDED", "refundedTotal", "10.00"))
                .status()).isEqualTo(200);
        assertThat(w.available(anna)).as("another purchase's refund").isEqualTo(100);
        Api.Response refund = c.till().patch("/api/v1/purchases/" + first, Map.of("status", "REFUNDED",
                "refundedTotal", "30.00"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(w.available(anna)).as("taken back within the return window").isZero();
        assertThat(w.available(bruno)).isEqualTo(40);
        assertThat(w.movements(anna).stream().map(m -> m.path("kind").asString()).toList())
                .contains("REFERRAL_REFERRER", "REFERRAL_REVERSAL");

        JsonNode report = w.asAdmin().get("/api/v1/referrals/report").json();
        assertThat(report.path("referrals").asLong()).isEqualTo(1);
        assertThat(report.path("given").path("reversed").asLong()).isEqualTo(1);
        assertThat(report.path("topReferrers").get(0).path("memberId").asLong()).isEqualTo(anna);
        w.assertBooksBalance();
    }

    @Test
    void purchasesSettledAtOnceRewardTheReferralOnceAndARefundAfterTheReturnWindowKeepsIt() throws Exception {
        Setup c = circuit(false);
        World w = c.w();
        ReferralSteps.set(w, Map.of("returnDays", 0, "minSpend", 0));
        long anna = w.enrol(c.till(), "anna").path("id").asLong();
        long bruno = w.enrol(c.till(), "bruno").path("id").asLong();
        assertThat(ReferralSteps.refer(c.till(), bruno, ReferralSteps.code(w, anna)).status()).isEqualTo(201);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Long>> purchases = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            purchases.add(pool.submit(() -> ReferralSteps.paid(w, c.till(), bruno, "25.00")));
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (var p : purchases) {
            ids.add(p.get());
        }
        pool.shutdown();
        assertThat(w.available(anna)).as("one friend, one reward").isEqualTo(100);
        assertThat(w.available(bruno)).isEqualTo(6 * 25 + 50);

        for (long id : ids) {
            assertThat(c.till().patch("/api/v1/purchases/" + id, Map.of("status", "REFUNDED", "refundedTotal",
                    "25.00")).status()).isEqualTo(200);
        }
        assertThat(w.available(anna)).as("the return window (0 days) had closed").isEqualTo(100);
        w.assertBooksBalance();
    }

    @Test
    void aRewardVoucherChosenInTheSettingsIsGivenOnceWithTheAwardAndWithdrawnWhenItIsTakenBack() {
        Setup c = circuit(false);
        World w = c.w();
        long coffee = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Free delivery",
                "titleIt", "Consegna gratuita", "points", 500)).json().path("id").asLong();
        Api.Response unknown = w.asAdmin().put("/api/v1/referral/settings",
                ReferralSteps.settings(Map.of("friendRewardId", 987654321)));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("friendRewardId");
        ReferralSteps.set(w, Map.of("referrerPoints", 0, "friendPoints", 0, "referrerRewardId", coffee,
                "friendRewardId", coffee));
        assertThat(w.asAdmin().get("/api/v1/referral/settings").json().path("friendRewardId").asLong())
                .isEqualTo(coffee);
        long anna = w.enrol(c.till(), "anna").path("id").asLong();
        long bruno = w.enrol(c.till(), "bruno").path("id").asLong();
        assertThat(ReferralSteps.refer(c.till(), bruno, ReferralSteps.code(w, anna)).status()).isEqualTo(201);

        long first = ReferralSteps.paid(w, c.till(), bruno, "30.00");
        assertThat(c.till().patch("/api/v1/purchases/" + first, Map.of("status", "PAID")).status()).isEqualTo(200);
        ReferralSteps.paid(w, c.till(), bruno, "40.00");
        JsonNode annas = w.asAdmin().get("/api/v1/members/" + anna + "/vouchers").json();
        JsonNode brunos = w.asAdmin().get("/api/v1/members/" + bruno + "/vouchers").json();
        assertThat(annas.size()).as("one voucher per award, whatever the replays").isEqualTo(1);
        assertThat(brunos.size()).isEqualTo(1);
        assertThat(annas.get(0).path("rewardId").asLong()).isEqualTo(coffee);
        assertThat(annas.get(0).path("status").asString()).isEqualTo("ISSUED");
        assertThat(w.available(anna)).as("no points spent on a given voucher").isZero();

        assertThat(c.till().patch("/api/v1/purchases/" + first, Map.of("status", "REFUNDED", "refundedTotal",
                "30.00")).status()).isEqualTo(200);
        assertThat(w.asAdmin().get("/api/v1/members/" + anna + "/vouchers").json().get(0).path("status").asString())
                .as("taken back with the award").isEqualTo("CANCELLED");
        assertThat(w.asAdmin().get("/api/v1/members/" + bruno + "/vouchers").json().get(0).path("status").asString())
                .isEqualTo("CANCELLED");
        w.assertBooksBalance();
    }

    @Test
    void everyGuardRefusesWithItsReasonAndTheRefusalIsRecorded() {
        Setup c = circuit(false);
        World w = c.w();
        ReferralSteps.set(w, Map.of("dailyCap", 2));
        long anna = w.enrol(c.till(), Map.of("email", Fixtures.unique("anna") + "@member.test",
                "phone", "+39 333 7654321")).path("id").asLong();
        String annas = ReferralSteps.code(w, anna);
        long bruno = w.enrol(c.till(), "bruno").path("id").asLong();
        long carla = w.enrol(c.till(), "carla").path("id").asLong();
        long dario = w.enrol(c.till(), "dario").path("id").asLong();
        long twin = w.enrol(c.till(), Map.of("email", Fixtures.unique("twin") + "@member.test",
                "phone", "333 765 4321", "allowSharedPhone", true)).path("id").asLong();

        assertRefused(ReferralSteps.refer(c.till(), bruno, "NOPE2345"), "UNKNOWN_CODE");
        assertRefused(ReferralSteps.refer(c.till(), anna, annas), "SELF_REFERRAL");
        assertRefused(ReferralSteps.refer(c.till(), twin, annas), "SELF_REFERRAL");
        assertThat(ReferralSteps.refer(c.till(), bruno, annas).status()).isEqualTo(201);
        assertRefused(ReferralSteps.refer(c.till(), bruno, ReferralSteps.code(w, carla)), "ALREADY_REFERRED");
        assertRefused(ReferralSteps.refer(c.till(), anna, ReferralSteps.code(w, bruno)), "CIRCULAR");
        assertThat(ReferralSteps.refer(c.till(), carla, annas).status()).isEqualTo(201);
        assertRefused(ReferralSteps.refer(c.till(), dario, annas), "DAILY_CAP");
        ReferralSteps.set(w, Map.of("enabled", false));
        assertRefused(ReferralSteps.refer(c.till(), dario, ReferralSteps.code(w, carla)), "PROGRAM_OFF");

        JsonNode report = w.asAdmin().get("/api/v1/referrals/report").json();
        assertThat(report.path("referrals").asLong()).isEqualTo(2);
        assertThat(report.path("refusals").asLong()).isEqualTo(7);
        assertThat(report.path("refusalsByReason").path("SELF_REFERRAL").asLong()).isEqualTo(2);
        assertThat(report.path("refusalsByReason").path("DAILY_CAP").asLong()).isEqualTo(1);
        assertThat(w.asAdmin().get("/api/v1/members/" + dario + "/referral").json().path("upline")).isEmpty();
    }

    @Test
    void anotherCircuitsMemberOrCodeIsNeitherSeenNorUsed() {
        Setup c = circuit(false);
        ReferralSteps.set(c.w(), Map.of());
        Setup other = circuit(false);
        ReferralSteps.set(other.w(), Map.of());
        long theirs = other.w().enrol(other.till(), "theirs").path("id").asLong();
        long ours = c.w().enrol(c.till(), "ours").path("id").asLong();
        assertThat(ReferralSteps.refer(c.till(), theirs, ReferralSteps.code(c.w(), ours)).status()).isEqualTo(404);
        assertRefused(ReferralSteps.refer(c.till(), ours, ReferralSteps.code(other.w(), theirs)), "UNKNOWN_CODE");
        assertThat(c.w().asAdmin().get("/api/v1/members/" + theirs + "/referral").status()).isEqualTo(404);
    }

    @Test
    void badSettingsAndBadReferralsAreProblemsAndChangeNothing() {
        Setup c = circuit(false);
        World w = c.w();
        ReferralSteps.set(w, Map.of("referrerPoints", 7));
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("dailyCap", 0),
                Map.<String, Object>of("levelPercents", List.of(60, 41)),
                Map.<String, Object>of("levelPercents", List.of(0)), Map.<String, Object>of("minSpend", -1),
                Map.<String, Object>of("funding", "NOBODY"))) {
            Api.Response r = w.asAdmin().put("/api/v1/referral/settings", ReferralSteps.settings(bad));
            assertThat(r.status()).as(bad + " " + r).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(w.asAdmin().get("/api/v1/referral/settings").json().path("referrerPoints").asLong()).isEqualTo(7);
        long anna = w.enrol(c.till(), "anna").path("id").asLong();
        assertThat(c.till().post("/api/v1/referrals", Map.of("memberId", anna)).status()).isEqualTo(400);
    }

    private static void assertRefused(Api.Response r, String reason) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().path("type").asString()).endsWith("/problems/referral-refused");
        assertThat(r.json().path("reason").asString()).isEqualTo(reason);
    }
}
