package org.loyaltyhub.rewards;

import java.util.List;

/** What the customer area asks of rewards: a member's catalogue, their claims and their vouchers. */
public interface Rewards {

    /** The active rewards of the circuit for this member, those they can claim now first. */
    List<CatalogueItem> catalogue(long circuitId, long memberId);

    /**
     * Claims a reward for the member: spends its points and issues a voucher, or is refused ({@link RewardRefused})
     * and spends nothing. The same {@code claimKey} again returns the first voucher.
     */
    Voucher claim(long circuitId, long memberId, long rewardId, String claimKey);

    /** The member's vouchers: usable ones first (soonest to expire first), then the others, newest first. */
    List<Voucher> vouchers(long circuitId, long memberId);

    /** One of the member's vouchers by its code. */
    java.util.Optional<Voucher> voucher(long circuitId, long memberId, String code);
}
