package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referral over the API (seed 000): a member's code, a friend recorded with it, both rewarded when the friend's first
 * qualifying purchase is paid (never at sign-up, never twice), taken back by a refund within the return window; every
 * guard refuses with its reason, recorded and reported.
 */
class ReferringFriendsTest extends IntegrationTest {

    static Map<String, Object> referral(Map<String, Object> overrides) {
        Map<String, Object> s = new HashMap<>(Map.of("enabled", true, "referrerPoints", 100, "friendPoints", 50,
                "minSpend", 20, "dailyCap", 5, "returnDays", 14, "funding", "CIRCUIT", "levelPercents", List.of(),
                "monthlyCap", 0));
        s.putAll(overrides);
        return s;
    }

    static void settings(World w, Map<String, Object> overrides) {
        Api.Response r = w.asAdmin().put("/api/v1/referral/settings", referral(overrides));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static String code(World w, long memberId) {
        Api.Response r = w.asAdmin().get("/api/v1/members/" + memberId + "/referral");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("code").asString();
    }

    static Api.Response refer(Api as, long friendId, String code) {
        return as.post("/api/v1/referrals", Map.of("memberId", friendId, "code", code));
    }

    static long paid(World w, Api till, long memberId, String total) {
        Api.Response r = w.purchase(till, Fixtures.unique("order"), memberId, total, "PAID");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

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
        settings(w, Map.of());
        long anna = w.enrol(c.till(), "anna").path("id").asLong();
        long bruno = w.enrol(c.till(), "bruno").path("id").asLong();
        String code = code(w, anna);
        assertThat(code).matches("[A-Z2-9]{8}");
        assertThat(code(w, anna)).as("one code per member").isEqualTo(code);
        assertThat(w.asAdmin().get("/api/v1/members/" + anna + "/referral").json().path("link").asString())
                .endsWith("/c/" + w.circuitId + "/join?ref=" + code);

        Api.Response recorded = refer(c.till(), bruno, code.toLowerCase());
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().path("referrerId").asLong()).isEqualTo(anna);
        assertThat(refer(c.till(), bruno, code).status()).as("a retry answers the same").isEqualTo(201);
        assertThat(w.available(anna)).as("nothing at sign-up").isZero();

        long small = paid(w, c.till(), bruno, "10.00");
        assertThat(w.available(anna)).as("under the minimum spend").isZero();
        long first = paid(w, c.till(), bruno, "30.00");
        assertThat(w.available(anna)).isEqualTo(100);
        assertThat(w.available(bruno)).isEqualTo(10 + 30 + 50);

        assertThat(c.till().patch("/api/v1/purchases/" + first, Map.of("status", "PAID")).status()).isEqualTo(200);
        paid(w, c.till(), bruno, "40.00");
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
    void everyGuardRefusesWithItsReasonAndTheRefusalIsRecorded() {
        Setup c = circuit(false);
        World w = c.w();
        settings(w, Map.of("dailyCap", 2));
        long anna = w.enrol(c.till(), Map.of("email", Fixtures.unique("anna") + "@member.test",
                "phone", "+39 333 7654321")).path("id").asLong();
        String annas = code(w, anna);
        long bruno = w.enrol(c.till(), "bruno").path("id").asLong();
        long carla = w.enrol(c.till(), "carla").path("id").asLong();
        long dario = w.enrol(c.till(), "dario").path("id").asLong();
        long twin = w.enrol(c.till(), Map.of("email", Fixtures.unique("twin") + "@member.test",
                "phone", "333 765 4321", "allowSharedPhone", true)).path("id").asLong();

        assertRefused(refer(c.till(), bruno, "NOPE2345"), "UNKNOWN_CODE");
        assertRefused(refer(c.till(), anna, annas), "SELF_REFERRAL");
        assertRefused(refer(c.till(), twin, annas), "SELF_REFERRAL");
        assertThat(refer(c.till(), bruno, annas).status()).isEqualTo(201);
        assertRefused(refer(c.till(), bruno, code(w, carla)), "ALREADY_REFERRED");
        assertRefused(refer(c.till(), anna, code(w, bruno)), "CIRCULAR");
        assertThat(refer(c.till(), carla, annas).status()).isEqualTo(201);
        assertRefused(refer(c.till(), dario, annas), "DAILY_CAP");
        settings(w, Map.of("enabled", false));
        assertRefused(refer(c.till(), dario, code(w, carla)), "PROGRAM_OFF");

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
        settings(c.w(), Map.of());
        Setup other = circuit(false);
        settings(other.w(), Map.of());
        long theirs = other.w().enrol(other.till(), "theirs").path("id").asLong();
        long ours = c.w().enrol(c.till(), "ours").path("id").asLong();
        assertThat(refer(c.till(), theirs, code(c.w(), ours)).status()).isEqualTo(404);
        assertRefused(refer(c.till(), ours, code(other.w(), theirs)), "UNKNOWN_CODE");
        assertThat(c.w().asAdmin().get("/api/v1/members/" + theirs + "/referral").status()).isEqualTo(404);
    }

    @Test
    void badSettingsAndBadReferralsAreProblemsAndChangeNothing() {
        Setup c = circuit(false);
        World w = c.w();
        settings(w, Map.of("referrerPoints", 7));
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("dailyCap", 0),
                Map.<String, Object>of("levelPercents", List.of(60, 41)),
                Map.<String, Object>of("levelPercents", List.of(0)), Map.<String, Object>of("minSpend", -1),
                Map.<String, Object>of("funding", "NOBODY"))) {
            Api.Response r = w.asAdmin().put("/api/v1/referral/settings", referral(bad));
            assertThat(r.status()).as(bad + " " + r).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(w.asAdmin().get("/api/v1/referral/settings").json().path("referrerPoints").asLong()).isEqualTo(7);
        long anna = w.enrol(c.till(), "anna").path("id").asLong();
        assertThat(c.till().post("/api/v1/referrals", Map.of("memberId", anna)).status()).isEqualTo(400);
    }

    static void assertRefused(Api.Response r, String reason) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().path("type").asString()).endsWith("/problems/referral-refused");
        assertThat(r.json().path("reason").asString()).isEqualTo(reason);
    }
}
