package org.loyaltyhub.rewards.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardDetails.Restrictions;
import org.loyaltyhub.rewards.RewardKind;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.rewards.VoucherSource;
import org.loyaltyhub.rewards.VoucherStatus;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Store;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedeemPolicyTest {

    private static final Instant NOW = Instant.parse("2026-05-10T10:00:00Z");
    private static final Store CENTRO = new Store(11, 1, 100, "Centro", null, null, null, null, null, null);
    private static final Store MARE = new Store(12, 1, 200, "Mare", null, null, null, null, null, null);

    private static Voucher voucher(RewardKind kind, VoucherStatus status, Instant expiresAt) {
        return new Voucher(1, 1, VoucherCode.random(), VoucherSource.REWARD_CLAIM, 5L, null, 9L, kind,
                new RewardDetails.Text("5 € off", "5 € di sconto"), RewardDetails.Benefit.NONE, 500, null, status,
                null, expiresAt, null, null, NOW.minusSeconds(3600));
    }

    private static String code(Voucher v, Restrictions r, long circuit, Store at, Money cart) {
        Decision d = RedeemPolicy.decide(v, r, circuit, at, cart, NOW);
        return d.allowed() ? "allowed" : d.code();
    }

    private final Voucher issued = voucher(RewardKind.FIXED_AMOUNT, VoucherStatus.ISSUED, NOW.plusSeconds(60));

    @Test
    void anIssuedVoucherIsRedeemedAnywhereWhenTheRewardNamesNoPlace() {
        assertThat(code(issued, Restrictions.NONE, 1, MARE, null)).isEqualTo("allowed");
    }

    @Test
    void usedExpiredCancelledAndForeignVouchersAreRefusedWithTheirReason() {
        assertThat(code(voucher(RewardKind.FIXED_AMOUNT, VoucherStatus.REDEEMED, NOW.plusSeconds(60)),
                Restrictions.NONE, 1, MARE, null)).isEqualTo("voucher-used");
        assertThat(code(voucher(RewardKind.FIXED_AMOUNT, VoucherStatus.ISSUED, NOW), Restrictions.NONE, 1, MARE, null))
                .isEqualTo("voucher-expired");
        assertThat(code(voucher(RewardKind.FIXED_AMOUNT, VoucherStatus.CANCELLED, NOW.plusSeconds(60)),
                Restrictions.NONE, 1, MARE, null)).isEqualTo("voucher-cancelled");
        assertThat(code(issued, Restrictions.NONE, 2, MARE, null)).isEqualTo("voucher-other-circuit");
    }

    @Test
    void aVoucherValidAtSomeCompaniesOrStoresIsRefusedElsewhere() {
        Restrictions centroCompany = new Restrictions(null, null, null, List.of(100L), null, null);
        assertThat(code(issued, centroCompany, 1, CENTRO, null)).isEqualTo("allowed");
        assertThat(code(issued, centroCompany, 1, MARE, null)).isEqualTo("voucher-wrong-store");
        Restrictions mareStore = new Restrictions(null, null, null, null, List.of(12L), null);
        assertThat(code(issued, mareStore, 1, MARE, null)).isEqualTo("allowed");
        assertThat(code(issued, mareStore, 1, CENTRO, null)).isEqualTo("voucher-wrong-store");
    }

    @Test
    void aMinimumCartNeedsTheCartTotalAndAtLeastThatMuch() {
        Restrictions twenty = new Restrictions(null, null, null, null, null, Money.of("20", "EUR"));
        assertThat(code(issued, twenty, 1, MARE, null)).isEqualTo("voucher-cart-needed");
        assertThat(code(issued, twenty, 1, MARE, Money.of("19.99", "EUR"))).isEqualTo("voucher-cart-below-minimum");
        assertThat(code(issued, twenty, 1, MARE, Money.of("20.00", "EUR"))).isEqualTo("allowed");
    }

    @Test
    void aPhysicalRewardGoesThroughFulfilmentNotTheTill() {
        assertThat(code(voucher(RewardKind.PHYSICAL, VoucherStatus.ISSUED, NOW.plusSeconds(60)), Restrictions.NONE, 1,
                MARE, null)).isEqualTo("voucher-needs-fulfilment");
    }
}
