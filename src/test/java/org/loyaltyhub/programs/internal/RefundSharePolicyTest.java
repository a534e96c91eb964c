package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RefundSharePolicyTest {

    private static BigDecimal eur(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aPartialRefundGivesBackItsShareOfTheRedeemedPointsRoundedDown() {
        assertThat(RefundSharePolicy.sharedBack(500, eur("45.00"), eur("9.00"))).isEqualTo(100);
        assertThat(RefundSharePolicy.sharedBack(500, eur("45.00"), eur("10.00"))).as("111.1 rounded down").isEqualTo(111);
        assertThat(RefundSharePolicy.sharedBack(3, eur("10.00"), eur("3.33"))).as("0.999 rounded down").isZero();
    }

    @Test
    void refundsGiveBackOnlyWhatTheEarlierOnesDidNotAndNeverMoreThanWasRedeemed() {
        assertThat(RefundSharePolicy.toGiveNow(500, eur("45.00"), eur("13.50"), 100)).isEqualTo(50);
        assertThat(RefundSharePolicy.toGiveNow(500, eur("45.00"), eur("13.50"), 150)).as("the same refunds again").isZero();
        assertThat(RefundSharePolicy.toGiveNow(500, eur("45.00"), eur("45.00"), 150)).isEqualTo(350);
        assertThat(RefundSharePolicy.toGiveNow(500, eur("45.00"), eur("90.00"), 150)).as("refunds beyond the total")
                .isEqualTo(350);
        assertThat(RefundSharePolicy.toGiveNow(500, eur("45.00"), eur("45.00"), 500)).isZero();
    }

    @Test
    void nothingComesBackWithoutARefundARedemptionOrATotal() {
        assertThat(RefundSharePolicy.sharedBack(500, eur("45.00"), BigDecimal.ZERO)).isZero();
        assertThat(RefundSharePolicy.sharedBack(0, eur("45.00"), eur("9.00"))).isZero();
        assertThat(RefundSharePolicy.sharedBack(500, BigDecimal.ZERO, eur("9.00"))).isZero();
        assertThat(RefundSharePolicy.sharedBack(500, eur("45.00"), null)).isZero();
    }
}
