package org.loyaltyhub.programs;

/**
 * A referral award was taken back (the friend's qualifying purchase refunded or cancelled within the return window),
 * in the transaction of the reversal: what it gave beyond points (reward vouchers not used yet) is withdrawn.
 */
public record ReferralReversed(long circuitId, long referrerId, long friendId, long purchaseId) {
}
