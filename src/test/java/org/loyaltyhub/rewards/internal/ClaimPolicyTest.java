package org.loyaltyhub.rewards.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.rewards.LimitPeriod;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardDetails.Restrictions;
import org.loyaltyhub.rewards.RewardKind;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimPolicyTest {

    private static final Instant NOW = Instant.parse("2026-05-10T10:00:00Z");
    private static final MemberStatus.Ref GOLD = ref(7);
    private static final MemberStatus.Ref SILVER = ref(6);

    private static MemberStatus.Ref ref(long id) {
        return new MemberStatus.Ref(id, new MemberStatus.Names("T" + id, "T" + id), null);
    }

    private static RewardDetails reward(Long stock, RewardDetails.Limit limit, Restrictions restrictions,
                                        Instant from, Instant until, boolean active) {
        return new RewardDetails(RewardKind.FIXED_AMOUNT, new RewardDetails.Text("5 € off", "5 € di sconto"), null,
                new RewardDetails.Cost(500, null), new RewardDetails.Benefit(Money.of("5", "EUR"), null, null, null),
                from, until, 30, stock, limit, restrictions, null, false, active);
    }

    private static RewardDetails plain() {
        return reward(null, null, Restrictions.NONE, null, null, true);
    }

    private static String code(RewardDetails r, MemberStatus s, long balance, long claims) {
        Decision d = ClaimPolicy.decide(r, s, balance, claims, NOW);
        return d.allowed() ? "allowed" : d.code();
    }

    @Test
    void aMemberWithEnoughPointsMayClaimAnOpenReward() {
        assertThat(code(plain(), MemberStatus.NONE, 500, 0)).isEqualTo("allowed");
    }

    @Test
    void missingPointsAreCountedForTheCatalogue() {
        Decision d = ClaimPolicy.decide(plain(), MemberStatus.NONE, 320, 0, NOW);
        assertThat(d.code()).isEqualTo("insufficient-points");
        assertThat(d.missingPoints()).isEqualTo(180);
    }

    @Test
    void aRewardOutsideItsWindowOrWithdrawnCannotBeClaimed() {
        assertThat(code(reward(null, null, Restrictions.NONE, NOW.plusSeconds(1), null, true), MemberStatus.NONE, 900, 0))
                .isEqualTo("reward-not-yet-valid");
        assertThat(code(reward(null, null, Restrictions.NONE, null, NOW, true), MemberStatus.NONE, 900, 0))
                .isEqualTo("reward-ended");
        assertThat(code(reward(null, null, Restrictions.NONE, null, null, false), MemberStatus.NONE, 900, 0))
                .isEqualTo("reward-inactive");
    }

    @Test
    void anEmptyStockRefusesBeforeAnythingElse() {
        assertThat(code(reward(0L, null, Restrictions.NONE, null, null, true), MemberStatus.NONE, 0, 0))
                .isEqualTo("reward-out-of-stock");
        assertThat(code(reward(1L, null, Restrictions.NONE, null, null, true), MemberStatus.NONE, 500, 0))
                .isEqualTo("allowed");
    }

    @Test
    void theLimitPerMemberCountsClaimsInItsPeriod() {
        RewardDetails twiceADay = reward(null, new RewardDetails.Limit(2, LimitPeriod.DAY), Restrictions.NONE, null,
                null, true);
        assertThat(code(twiceADay, MemberStatus.NONE, 5000, 1)).isEqualTo("allowed");
        assertThat(code(twiceADay, MemberStatus.NONE, 5000, 2)).isEqualTo("reward-limit-reached");
    }

    @Test
    void aTierRestrictionNeedsOneOfTheTiers() {
        RewardDetails goldOnly = reward(null, null, new Restrictions(List.of(7L), null, null, null, null, null), null,
                null, true);
        assertThat(code(goldOnly, MemberStatus.NONE, 900, 0)).isEqualTo("reward-restricted");
        assertThat(code(goldOnly, MemberStatus.NONE.withTier(SILVER), 900, 0)).isEqualTo("reward-restricted");
        assertThat(code(goldOnly, MemberStatus.NONE.withTier(GOLD), 900, 0)).isEqualTo("allowed");
    }

    @Test
    void badgeAndPlanRestrictionsNeedOneOfTheirIdsEach() {
        RewardDetails badgeAndPlan = reward(null, null, new Restrictions(null, List.of(3L, 4L), List.of(9L), null,
                null, null), null, null, true);
        MemberStatus withBadge = MemberStatus.NONE.withBadges(List.of(ref(4)));
        assertThat(code(badgeAndPlan, withBadge, 900, 0)).isEqualTo("reward-restricted");
        assertThat(code(badgeAndPlan, withBadge.withPlan(ref(9)), 900, 0)).isEqualTo("allowed");
        assertThat(code(badgeAndPlan, MemberStatus.NONE.withPlan(ref(9)), 900, 0)).isEqualTo("reward-restricted");
    }

    @Test
    void aRewardIsRefusedWhenBuiltWithoutWhatItsKindNeeds() {
        assertThatThrownBy(() -> new RewardDetails(RewardKind.PERCENT, new RewardDetails.Text("10 %", "10 %"), null,
                new RewardDetails.Cost(100, null), new RewardDetails.Benefit(null, BigDecimal.valueOf(120), null, null),
                NOW, NOW.minusSeconds(5), 0, -1L, null, null, null, false, true))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("percent", "validUntil", "voucherDays", "stock"));
        assertThatThrownBy(() -> new RewardDetails(RewardKind.FREE_PRODUCT, new RewardDetails.Text("", "x"), null,
                new RewardDetails.Cost(0, null), null, null, null, 30, null, null, null, null, false, true))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("title", "points", "productId"));
    }
}
