package org.loyaltyhub.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportKindTest {

    @Test
    void everyJournalKindOfTheProgramsMapsToItsReportKind() {
        assertThat(ReportKind.of("EARN", 10)).isEqualTo(ReportKind.EARN);
        assertThat(ReportKind.of("ACTION_REVIEW", 5)).isEqualTo(ReportKind.EARN);
        assertThat(ReportKind.of("REDEMPTION", -100)).isEqualTo(ReportKind.REDEEM);
        assertThat(ReportKind.of("REWARD", -100)).isEqualTo(ReportKind.REDEEM);
        assertThat(ReportKind.of("MANUAL_DEBIT", -3)).isEqualTo(ReportKind.MANUAL);
        assertThat(ReportKind.of("CASHBACK_MANUAL_CREDIT", 3)).isEqualTo(ReportKind.MANUAL);
        assertThat(ReportKind.of("EXPIRY", -7)).isEqualTo(ReportKind.EXPIRY);
        assertThat(ReportKind.of("CASHBACK_EXPIRY", -7)).isEqualTo(ReportKind.EXPIRY);
        assertThat(ReportKind.of("EARN_REVERSAL", -10)).isEqualTo(ReportKind.REVERSAL);
        assertThat(ReportKind.of("REDEMPTION_REFUND", 100)).isEqualTo(ReportKind.REVERSAL);
        assertThat(ReportKind.of("COUPON_BONUS", 50)).isEqualTo(ReportKind.CAMPAIGN);
        assertThat(ReportKind.of("SHARE_VISIT", 10)).as("like a referral reward").isEqualTo(ReportKind.EARN);
    }

    @Test
    void aKindNobodyNamedCountsByItsDirection() {
        assertThat(ReportKind.of("SOMETHING_NEW", 1)).isEqualTo(ReportKind.EARN);
        assertThat(ReportKind.of("SOMETHING_NEW", -1)).isEqualTo(ReportKind.REDEEM);
    }

    @Test
    void breakageIsExpiredOverExpiredAndRedeemed() {
        assertThat(new Breakage(null, null, 25, 75, java.util.List.of()).rate()).isEqualByComparingTo("0.25");
        assertThat(new Breakage(null, null, 0, 0, java.util.List.of()).rate()).isEqualByComparingTo("0");
    }
}
