package org.loyaltyhub.rewards;

import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A circuit with a shop, a till (API key of its store) and a member with points, for the rewards tests. */
final class RewardScenario {

    final World world;
    final long company;
    final long store;
    final Api till;
    final long member;

    RewardScenario(World world, long points) {
        this.world = world;
        long[] shop = world.company("Shop");
        this.company = shop[0];
        this.store = shop[1];
        this.till = world.api.withKey(world.apiKey(company, store));
        this.member = world.enrol(till, "rewarded").path("id").asLong();
        if (points > 0) {
            credit(member, points);
        }
    }

    void credit(long memberId, long points) {
        Api.Response r = world.asAdmin().post("/api/v1/members/" + memberId + "/adjustments",
                Map.of("direction", "CREDIT", "points", points, "note", "for rewards"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** Creates a reward: a 5 € voucher for {@code points}, with the given fields overridden. */
    long reward(long points, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "FIXED_AMOUNT", "titleEn", "Five euro off",
                "titleIt", "Cinque euro di sconto", "points", points, "amount", "5.00", "voucherDays", 30));
        body.putAll(overrides);
        Api.Response r = world.asAdmin().post("/api/v1/rewards", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    Api.Response claim(Api as, long memberId, long rewardId, String claimId) {
        Map<String, Object> body = new HashMap<>(Map.of("rewardId", rewardId));
        if (claimId != null) {
            body.put("claimId", claimId);
        }
        return as.post("/api/v1/members/" + memberId + "/reward-claims", body);
    }

    JsonNode claimed(long rewardId, String claimId) {
        Api.Response r = claim(till, member, rewardId, claimId);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    long available() {
        return world.available(member);
    }
}
