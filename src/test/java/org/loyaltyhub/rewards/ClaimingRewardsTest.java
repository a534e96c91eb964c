package org.loyaltyhub.rewards;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimingRewardsTest extends IntegrationTest {

    @Test
    void claimingARewardSpendsItsPointsIssuesAVoucherAndHistorySaysWhichReward() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        long reward = s.reward(400, Map.of("cash", "2.50"));

        JsonNode voucher = s.claimed(reward, "first");

        assertThat(voucher.path("status").asString()).isEqualTo("ISSUED");
        assertThat(voucher.path("code").asString()).matches("[0-9A-Z]{16}");
        assertThat(voucher.path("points").asLong()).isEqualTo(400);
        assertThat(voucher.path("cash").path("amount").asString()).isEqualTo("2.50");
        assertThat(s.available()).isEqualTo(600);
        assertThat(s.world.movements(s.member)).extracting(m -> m.path("reason").asString())
                .contains("Reward: Five euro off");
        assertThat(s.world.points(s.member).path("held").asLong()).isZero();
        s.world.assertBooksBalance();
    }

    @Test
    void theSameClaimIdAgainReturnsTheFirstVoucherAndSpendsNothingMore() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        long reward = s.reward(300, Map.of("stock", 5));

        JsonNode first = s.claimed(reward, "tap-1");
        JsonNode again = s.claimed(reward, "tap-1");

        assertThat(again.path("code").asString()).isEqualTo(first.path("code").asString());
        assertThat(s.available()).isEqualTo(700);
        assertThat(s.world.asAdmin().get("/api/v1/rewards/" + reward).json().path("details").path("stock").asLong())
                .isEqualTo(4);
        Api.Response sameHeader = s.till.header("Idempotency-Key", "claim-k").post("/api/v1/members/" + s.member
                + "/reward-claims", Map.of("rewardId", reward));
        Api.Response replay = s.till.header("Idempotency-Key", "claim-k").post("/api/v1/members/" + s.member
                + "/reward-claims", Map.of("rewardId", reward));
        assertThat(replay.json().path("code").asString()).isEqualTo(sameHeader.json().path("code").asString());
        assertThat(s.available()).isEqualTo(400);
    }

    @Test
    void refusedClaimsSayWhyAndSpendNothing() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 500);
        long dear = s.reward(800, Map.of());
        long oncePerDay = s.reward(100, Map.of("limitCount", 1, "limitPeriod", "DAY"));
        long soldOut = s.reward(100, Map.of("stock", 0));
        long goldOnly = s.reward(100, Map.of("tierIds", List.of(12345)));

        Api.Response tooDear = s.claim(s.till, s.member, dear, "a");
        assertThat(tooDear.status()).isEqualTo(422);
        assertThat(tooDear.code()).isEqualTo("insufficient-points");
        assertThat(tooDear.json().path("missingPoints").asLong()).isEqualTo(300);
        s.claimed(oncePerDay, "b");
        Api.Response second = s.claim(s.till, s.member, oncePerDay, "c");
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.code()).isEqualTo("reward-limit-reached");
        assertThat(s.claim(s.till, s.member, soldOut, "d").code()).isEqualTo("reward-out-of-stock");
        assertThat(s.claim(s.till, s.member, soldOut, "d").status()).isEqualTo(409);
        assertThat(s.claim(s.till, s.member, goldOnly, "e").code()).isEqualTo("reward-restricted");

        assertThat(s.available()).isEqualTo(400);
        assertThat(s.world.asAdmin().get("/api/v1/members/" + s.member + "/vouchers").json().size()).isEqualTo(1);
    }

    @Test
    void theMembersCatalogueShowsWhatTheyCanClaimAndThePointsMissingForTheRest() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 250);
        s.reward(200, Map.of("titleEn", "Coffee"));
        s.reward(1000, Map.of("titleEn", "Lunch"));

        JsonNode items = s.till.get("/api/v1/members/" + s.member + "/rewards").json();

        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("claimable").asBoolean()).isTrue();
        assertThat(items.get(0).path("reward").path("details").path("title").path("en").asString()).isEqualTo("Coffee");
        assertThat(items.get(1).path("claimable").asBoolean()).isFalse();
        assertThat(items.get(1).path("missingPoints").asLong()).isEqualTo(750);
    }

    @Test
    void badRewardsAreRefusedFieldByFieldAndOnlyAdministratorsKeepTheCatalogue() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        Api.Response bad = s.world.asAdmin().post("/api/v1/rewards", Map.of("kind", "PERCENT", "titleEn", "Ten",
                "titleIt", "Dieci", "points", 100));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("percent");
        Api.Response byTill = s.till.post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Ship",
                "titleIt", "Spedizione", "points", 100));
        assertThat(byTill.status()).isEqualTo(403);
    }

    @Test
    void anotherCircuitSeesNeitherTheRewardsNorTheMembersOfThisOne() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        long reward = s.reward(100, Map.of());
        World stranger = fixtures.world(api);

        assertThat(stranger.asAdmin().get("/api/v1/rewards/" + reward).status()).isEqualTo(404);
        assertThat(s.claim(stranger.asAdmin(), s.member, reward, "x").status()).isEqualTo(404);
        assertThat(stranger.asAdmin().get("/api/v1/rewards").json().size()).isZero();
        assertThat(s.available()).isEqualTo(1000);
    }
}
