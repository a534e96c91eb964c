package org.loyaltyhub.programs.internal.promotions;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunnelFiltersTest {

    static FunnelFilters.Facts member(long balance, Set<Long> badges, Long tier, boolean inSegment, boolean tagged) {
        return new FunnelFilters.Facts(balance, badges, tier, inSegment, tagged);
    }

    @Test
    void noFilterLetsEveryonePass() {
        assertThat(FunnelFilters.NONE.unmet(member(0, Set.of(), null, false, false))).isNull();
    }

    @Test
    void eachFilterSaysWhyTheMemberDoesNotPass() {
        FunnelFilters f = new FunnelFilters(100L, 1000L, 5L, 2L, 9L, "vip");
        assertThat(f.unmet(member(50, Set.of(5L), 2L, true, true))).isEqualTo("balance 50 is under 100");
        assertThat(f.unmet(member(5000, Set.of(5L), 2L, true, true))).isEqualTo("balance 5000 is over 1000");
        assertThat(f.unmet(member(500, Set.of(), 2L, true, true))).contains("badge #5");
        assertThat(f.unmet(member(500, Set.of(5L), 3L, true, true))).contains("tier #2");
        assertThat(f.unmet(member(500, Set.of(5L), 2L, false, true))).contains("segment #9");
        assertThat(f.unmet(member(500, Set.of(5L), 2L, true, false))).contains("tag vip");
        assertThat(f.unmet(member(500, Set.of(5L), 2L, true, true))).isNull();
    }

    @Test
    void aMinimumAboveTheMaximumIsRefused() {
        assertThatThrownBy(() -> new FunnelFilters(10L, 5L, null, null, null, null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aRunIsSettledOnceAndAFunnelNeedsAnEffectThatWorksOutsideAPurchase() {
        assertThat(Funnel.RunState.WAITING.settle(true)).isEqualTo(Funnel.RunState.ACTED);
        assertThatThrownBy(() -> Funnel.RunState.ACTED.settle(false)).isInstanceOf(IllegalStateException.class);
        Funnel.Trigger enrolment = new Funnel.Trigger(Funnel.Kind.ENROLMENT, null);
        assertThatThrownBy(() -> new Funnel(null, "x", null, enrolment, null, 0, false,
                List.of(new PromotionEffect.Multiplier(new java.math.BigDecimal("2")))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("effects");
        Funnel ok = new Funnel(null, "Welcome", null, enrolment, new FunnelFilters(null, null, null, null, null, "new"),
                3, true, List.of(new PromotionEffect.FixedPoints(10)));
        assertThat(ok.rule()).isEqualTo("when at enrolment, 3 day(s) later without a purchase and tag new then +10 points");
    }
}
