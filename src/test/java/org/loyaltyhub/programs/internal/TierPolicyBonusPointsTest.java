package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.TierStanding.Basis;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TierPolicyBonusPointsTest {

    @Test
    void eachBonusNamesTheEntriesThatGiveAndTakeItBackAndOtherKindsAreNoBonus() {
        assertThat(TierPolicy.BonusPoints.of("PROMOTION")).isEqualTo(TierPolicy.BonusPoints.PROMOTIONS);
        assertThat(TierPolicy.BonusPoints.of("PROMOTION_REVERSAL")).isEqualTo(TierPolicy.BonusPoints.PROMOTIONS);
        assertThat(TierPolicy.BonusPoints.of("REFERRAL_FRIEND")).isEqualTo(TierPolicy.BonusPoints.REFERRALS);
        assertThat(TierPolicy.BonusPoints.of("MULTI_LEVEL_REVERSAL")).isEqualTo(TierPolicy.BonusPoints.REFERRALS);
        assertThat(TierPolicy.BonusPoints.of("EARN")).isNull();
        assertThat(TierPolicy.BonusPoints.of("REDEMPTION")).isNull();
    }

    @Test
    void byDefaultNoBonusCountsAndAPolicyCountsOnlyWhatItNames() {
        assertThat(TierPolicy.DEFAULT.counts(TierPolicy.BonusPoints.PROMOTIONS)).isFalse();
        assertThat(TierPolicy.DEFAULT.counts(TierPolicy.BonusPoints.REFERRALS)).isFalse();
        TierPolicy promotions = new TierPolicy(Basis.POINTS_EARNED, TierPolicy.Window.LIFETIME, null,
                TierPolicy.Downgrade.NEVER, null, 0, Set.of(TierPolicy.BonusPoints.PROMOTIONS));
        assertThat(promotions.counts(TierPolicy.BonusPoints.PROMOTIONS)).isTrue();
        assertThat(promotions.counts(TierPolicy.BonusPoints.REFERRALS)).isFalse();
        assertThat(promotions.counts(null)).isFalse();
        assertThat(new TierPolicy(Basis.POINTS_EARNED, TierPolicy.Window.LIFETIME, null, TierPolicy.Downgrade.NEVER,
                null, 0, null).bonusPoints()).isEmpty();
    }
}
