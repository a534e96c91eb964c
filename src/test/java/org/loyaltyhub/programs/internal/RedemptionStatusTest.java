package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.ledger.HoldStatus;

import static org.assertj.core.api.Assertions.assertThat;

class RedemptionStatusTest {

    @Test
    void aRedemptionFollowsItsReservationAndAReleaseIsAnExpiryOnlyWhenTimeRanOut() {
        assertThat(RedemptionStatus.HELD.after(HoldStatus.CAPTURED, false)).isEqualTo(RedemptionStatus.CAPTURED);
        assertThat(RedemptionStatus.HELD.after(HoldStatus.RELEASED, false)).isEqualTo(RedemptionStatus.RELEASED);
        assertThat(RedemptionStatus.HELD.after(HoldStatus.RELEASED, true)).isEqualTo(RedemptionStatus.EXPIRED);
        assertThat(RedemptionStatus.CAPTURED.after(HoldStatus.REFUNDED, false)).isEqualTo(RedemptionStatus.REFUNDED);
        assertThat(RedemptionStatus.HELD.after(HoldStatus.HELD, false)).isEqualTo(RedemptionStatus.HELD);
    }

    @Test
    void anExpiredRedemptionStaysExpiredWhenItsReleasedReservationIsAskedAgain() {
        assertThat(RedemptionStatus.EXPIRED.after(HoldStatus.RELEASED, false)).isEqualTo(RedemptionStatus.EXPIRED);
    }
}
