package org.loyaltyhub.programs;

/**
 * A referred friend's first qualifying purchase rewarded the referrer and the friend (once per award: a purchase that
 * takes over a reversed award publishes again), in the transaction of the award: for the message that tells the
 * referrer, and for the reward vouchers ({@code referrerRewardId}, {@code friendRewardId}: null for none).
 */
public record ReferralRewarded(long circuitId, long referrerId, long friendId, long purchaseId, long referrerPoints,
                               long friendPoints, Long referrerRewardId, Long friendRewardId) {
}
