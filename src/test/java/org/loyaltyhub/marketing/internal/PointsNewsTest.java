package org.loyaltyhub.marketing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.NotificationKind;

import static org.assertj.core.api.Assertions.assertThat;

class PointsNewsTest {

    @Test
    void earningTellsThePointsEarned() {
        assertThat(PointsNews.of("EARN", false, 50, 150, null)).containsExactly(NotificationKind.POINTS_EARNED);
    }

    @Test
    void theThresholdIsReachedOnlyByTheEntryThatCrossesIt() {
        assertThat(PointsNews.of("EARN", false, 50, 120, 100L)).contains(NotificationKind.THRESHOLD_REACHED);
        assertThat(PointsNews.of("EARN", false, 50, 100, 100L)).contains(NotificationKind.THRESHOLD_REACHED);
        assertThat(PointsNews.of("EARN", false, 50, 99, 100L)).doesNotContain(NotificationKind.THRESHOLD_REACHED);
        assertThat(PointsNews.of("EARN", false, 50, 160, 100L)).doesNotContain(NotificationKind.THRESHOLD_REACHED);
    }

    @Test
    void aCapturedRedemptionTellsThePointsRedeemed() {
        assertThat(PointsNews.of("REDEMPTION", false, 0, 40, 100L)).containsExactly(NotificationKind.POINTS_REDEEMED);
        assertThat(PointsNews.of("REWARD", false, 0, 40, null)).containsExactly(NotificationKind.POINTS_REDEEMED);
    }

    @Test
    void reversalsHoldsAndExpiryTellNothing() {
        assertThat(PointsNews.of("EARN_REVERSAL", true, 50, 200, 100L)).isEmpty();
        assertThat(PointsNews.of("REDEMPTION_HOLD", false, -30, 70, 100L)).isEmpty();
        assertThat(PointsNews.of("EXPIRY", false, -30, 70, 100L)).isEmpty();
    }
}
