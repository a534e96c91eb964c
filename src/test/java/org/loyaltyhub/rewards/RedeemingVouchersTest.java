package org.loyaltyhub.rewards;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.rewards.internal.VoucherExpiry;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedeemingVouchersTest extends IntegrationTest {

    @Autowired
    VoucherExpiry expiry;

    @Test
    void aTillRedeemsAVoucherOnceAndTheSameOrderAgainGetsTheSameAnswer() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        String code = s.claimed(s.reward(200, Map.of()), "c").path("code").asString();

        JsonNode lookup = s.till.get("/api/v1/vouchers/" + code).json();
        assertThat(lookup.path("voucher").path("title").path("en").asString()).isEqualTo("Five euro off");
        assertThat(lookup.path("atStore").path("allowed").asBoolean()).isTrue();

        Api.Response redeemed = s.till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "T-1"));
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        assertThat(redeemed.json().path("status").asString()).isEqualTo("REDEEMED");
        Api.Response again = s.till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "T-1"));
        assertThat(again.status()).isEqualTo(200);
        Api.Response otherOrder = s.till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "T-2"));
        assertThat(otherOrder.status()).isEqualTo(422);
        assertThat(otherOrder.code()).isEqualTo("voucher-used");

        List<String> changes = s.till.get("/api/v1/vouchers/" + code).json().path("events").valueStream()
                .map(e -> e.path("change").asString()).toList();
        assertThat(changes).containsExactly("ISSUED", "REDEEMED");
    }

    @Test
    void typedCodesAreReadWithDashesAndLowerCaseAndMistypedOnesAreRefusedAsMalformed() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        String code = s.claimed(s.reward(200, Map.of()), "c").path("code").asString();
        String typed = (code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                + code.substring(12)).toLowerCase();

        assertThat(s.till.get("/api/v1/vouchers/" + typed).status()).isEqualTo(200);
        String typo = code.substring(0, 15) + (code.charAt(15) == 'A' ? 'B' : 'A');
        Api.Response malformed = s.till.post("/api/v1/vouchers/" + typo + "/redeem", Map.of("orderId", "T"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("malformed-voucher-code");
        String unknown = VoucherCode.random().value();
        assertThat(s.till.post("/api/v1/vouchers/" + unknown + "/redeem", Map.of("orderId", "T")).status())
                .isEqualTo(404);
    }

    @Test
    void aVoucherValidAtOneCompanyIsRefusedAtAnotherCompanysStore() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        long[] other = s.world.company("Elsewhere");
        Api otherTill = s.world.api.withKey(s.world.apiKey(other[0], other[1]));
        String code = s.claimed(s.reward(200, Map.of("companyIds", List.of(s.company))), "c").path("code").asString();

        Api.Response wrong = otherTill.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "O"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("voucher-wrong-store");
        assertThat(s.till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "O")).status())
                .isEqualTo(200);
    }

    @Test
    void anotherCircuitsTillCannotTellTheVoucherExistsBehindTheTenantWall() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        String code = s.claimed(s.reward(200, Map.of()), "c").path("code").asString();
        World stranger = fixtures.world(api);
        long[] shop = stranger.company("Stranger");
        Api strangerTill = stranger.api.withKey(stranger.apiKey(shop[0], shop[1]));

        Api.Response r = strangerTill.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "X"));
        assertThat(r.status()).as("another circuit's code is as unknown as a code never issued").isEqualTo(404);
        assertThat(r.code()).isEqualTo("not-found");
        assertThat(strangerTill.get("/api/v1/vouchers/" + code).code()).isEqualTo("not-found");
        assertThat(s.till.get("/api/v1/vouchers/" + code).json().path("voucher").path("status").asString())
                .isEqualTo("ISSUED");
    }

    @Test
    void anExpiredUnusedVoucherGivesItsPointsBackOnceWhenTheRewardSaysSo() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        String back = s.claimed(s.reward(300, Map.of("giveBackUnused", true, "voucherDays", 2)), "a")
                .path("code").asString();
        String kept = s.claimed(s.reward(200, Map.of("voucherDays", 2)), "b").path("code").asString();
        assertThat(s.available()).isEqualTo(500);

        Instant later = Instant.now().plus(Duration.ofDays(3));
        expiry.runAt(later);
        expiry.runAt(later);

        assertThat(s.available()).isEqualTo(800);
        for (String code : List.of(back, kept)) {
            assertThat(s.till.get("/api/v1/vouchers/" + code).json().path("voucher").path("status").asString())
                    .isEqualTo("EXPIRED");
        }
        Api.Response late = s.till.post("/api/v1/vouchers/" + back + "/redeem", Map.of("orderId", "L"));
        assertThat(late.code()).isEqualTo("voucher-expired");
        assertThat(s.world.movements(s.member)).extracting(m -> m.path("reason").asString())
                .contains("Reward given back: Five euro off (voucher expired)");
        s.world.assertBooksBalance();
    }

    @Test
    void aVoucherNotYetDueIsLeftAloneByTheExpiryRound() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        String code = s.claimed(s.reward(300, Map.of("giveBackUnused", true, "voucherDays", 5)), "a")
                .path("code").asString();
        expiry.runAt(Instant.now().plus(Duration.ofDays(4)));
        assertThat(s.till.get("/api/v1/vouchers/" + code).json().path("voucher").path("status").asString())
                .isEqualTo("ISSUED");
    }

    @Test
    void anAdministratorCancelsAnUnusedVoucherAndItsPointsComeBackIfTheRewardSaysSo() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        String code = s.claimed(s.reward(300, Map.of("giveBackUnused", true)), "a").path("code").asString();

        assertThat(s.till.post("/api/v1/vouchers/" + code + "/cancel", Map.of("reason", "x")).status())
                .isEqualTo(403);
        Api.Response cancelled = s.world.asAdmin().post("/api/v1/vouchers/" + code + "/cancel",
                Map.of("reason", "asked by the customer"));
        assertThat(cancelled.status()).isEqualTo(200);
        s.world.asAdmin().post("/api/v1/vouchers/" + code + "/cancel", Map.of("reason", "asked again"));

        assertThat(s.available()).isEqualTo(1000);
        assertThat(s.till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "Z")).code())
                .isEqualTo("voucher-cancelled");
    }

    @Test
    void aPhysicalRewardIsPreparedAndHandedOverOrCancelledWithItsPointsBack() {
        RewardScenario s = new RewardScenario(fixtures.world(api), 1000);
        long mug = s.reward(300, Map.of("kind", "PHYSICAL", "titleEn", "Mug", "titleIt", "Tazza"));
        String handed = s.claimed(mug, "a").path("code").asString();
        String dropped = s.claimed(mug, "b").path("code").asString();
        assertThat(s.till.get("/api/v1/vouchers/fulfilment").json().size()).isEqualTo(2);

        assertThat(s.till.post("/api/v1/vouchers/" + handed + "/redeem", Map.of("orderId", "M")).code())
                .isEqualTo("voucher-needs-fulfilment");
        assertThat(s.till.post("/api/v1/vouchers/" + handed + "/fulfilment", Map.of("status", "HANDED_OVER"))
                .code()).isEqualTo("fulfilment-step");
        assertThat(s.till.post("/api/v1/vouchers/" + handed + "/fulfilment", Map.of("status", "READY")).status())
                .isEqualTo(200);
        JsonNode done = s.till.post("/api/v1/vouchers/" + handed + "/fulfilment", Map.of("status", "HANDED_OVER"))
                .json();
        assertThat(done.path("status").asString()).isEqualTo("REDEEMED");
        assertThat(done.path("fulfilment").asString()).isEqualTo("HANDED_OVER");

        JsonNode cancelled = s.till.post("/api/v1/vouchers/" + dropped + "/fulfilment", Map.of("status", "CANCELLED"))
                .json();
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(s.available()).isEqualTo(700);
        assertThat(s.till.get("/api/v1/vouchers/fulfilment").json().size()).isZero();
        s.world.assertBooksBalance();
    }
}
