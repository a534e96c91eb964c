package org.loyaltyhub.rewards;

import java.time.Instant;

/**
 * A voucher was issued to a member (a reward claimed, a campaign's code given to them), published in the transaction
 * that issued it, for the message that tells the member.
 */
public record VoucherIssued(long circuitId, long voucherId, long memberId, VoucherSource source, String code,
                            Instant expiresAt) {
}
