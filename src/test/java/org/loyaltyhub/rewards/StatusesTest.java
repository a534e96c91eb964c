package org.loyaltyhub.rewards;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusesTest {

    @Test
    void anIssuedVoucherBecomesRedeemedExpiredOrCancelledAndNothingElseAfterwards() {
        assertThat(VoucherStatus.ISSUED.to(VoucherStatus.REDEEMED)).isEqualTo(VoucherStatus.REDEEMED);
        assertThat(VoucherStatus.ISSUED.to(VoucherStatus.EXPIRED)).isEqualTo(VoucherStatus.EXPIRED);
        assertThat(VoucherStatus.ISSUED.to(VoucherStatus.CANCELLED)).isEqualTo(VoucherStatus.CANCELLED);
        assertThatThrownBy(() -> VoucherStatus.REDEEMED.to(VoucherStatus.CANCELLED))
                .isInstanceOfSatisfying(VoucherRefused.class, e -> assertThat(e.code()).isEqualTo("voucher-used"));
        assertThatThrownBy(() -> VoucherStatus.EXPIRED.to(VoucherStatus.REDEEMED))
                .isInstanceOfSatisfying(VoucherRefused.class, e -> assertThat(e.code()).isEqualTo("voucher-expired"));
        assertThatThrownBy(() -> VoucherStatus.ISSUED.to(VoucherStatus.ISSUED)).isInstanceOf(VoucherRefused.class);
    }

    @Test
    void aPhysicalRewardIsPreparedThenHandedOverOrCancelledOnTheWay() {
        assertThat(FulfilmentStatus.REQUESTED.to(FulfilmentStatus.READY)).isEqualTo(FulfilmentStatus.READY);
        assertThat(FulfilmentStatus.READY.to(FulfilmentStatus.HANDED_OVER)).isEqualTo(FulfilmentStatus.HANDED_OVER);
        assertThat(FulfilmentStatus.REQUESTED.to(FulfilmentStatus.CANCELLED)).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThatThrownBy(() -> FulfilmentStatus.REQUESTED.to(FulfilmentStatus.HANDED_OVER))
                .isInstanceOf(VoucherRefused.class);
        assertThatThrownBy(() -> FulfilmentStatus.HANDED_OVER.to(FulfilmentStatus.CANCELLED))
                .isInstanceOf(VoucherRefused.class);
    }

    @Test
    void limitPeriodsStartAtTheUtcDayTheUtcMonthOrTheBeginning() {
        Instant now = Instant.parse("2026-03-17T15:20:00Z");
        assertThat(LimitPeriod.DAY.start(now)).isEqualTo(Instant.parse("2026-03-17T00:00:00Z"));
        assertThat(LimitPeriod.MONTH.start(now)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(LimitPeriod.EVER.start(now)).isEqualTo(Instant.EPOCH);
    }
}
