package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.Money;

import java.time.Instant;

/**
 * A voucher: its code, what issued it (a reward claim, or a coupon campaign), what it gives (the reward's kind, title and benefit, as the counter shows
 * them), what it cost, its status and, for a physical reward, where its fulfilment stands.
 */
public record Voucher(long id, long circuitId, VoucherCode code, VoucherSource source, Long rewardId, Long campaignId,
                      Long memberId,
                      RewardKind kind, RewardDetails.Text title, RewardDetails.Benefit benefit, long points,
                      Money cash, VoucherStatus status, FulfilmentStatus fulfilment, Instant expiresAt,
                      String orderId, Long storeId, Instant createdAt) {

    /** Still to be used, and not past its expiry at {@code now}. */
    public boolean usable(Instant now) {
        return status == VoucherStatus.ISSUED && now.isBefore(expiresAt);
    }

    /** A change of the voucher: what it became, who did it, where and when. */
    public record Event(String change, String actor, Long storeId, String orderId, String note, Instant at) {
    }
}
