package org.loyaltyhub.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the referral tests through the API, as a circuit's administrator and tills take them. */
public final class ReferralSteps {

    private ReferralSteps() {
    }

    /** Referral settings: on, 100 points to the referrer and 50 to the friend from 20 spent, with the overrides. */
    public static Map<String, Object> settings(Map<String, Object> overrides) {
        Map<String, Object> s = new HashMap<>(Map.of("enabled", true, "referrerPoints", 100, "friendPoints", 50,
                "minSpend", 20, "dailyCap", 5, "returnDays", 14, "funding", "CIRCUIT", "levelPercents", List.of(),
                "monthlyCap", 0));
        s.putAll(overrides);
        return s;
    }

    public static void set(World w, Map<String, Object> overrides) {
        Api.Response r = w.asAdmin().put("/api/v1/referral/settings", settings(overrides));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    public static String code(World w, long memberId) {
        Api.Response r = w.asAdmin().get("/api/v1/members/" + memberId + "/referral");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("code").asString();
    }

    public static Api.Response refer(Api as, long friendId, String code) {
        return as.post("/api/v1/referrals", Map.of("memberId", friendId, "code", code));
    }

    /** A paid purchase of the member at the till; returns its id. */
    public static long paid(World w, Api till, long memberId, String total) {
        Api.Response r = w.purchase(till, Fixtures.unique("order"), memberId, total, "PAID");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }
}
