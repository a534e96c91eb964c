package org.loyaltyhub.programs;

/**
 * Vouchers that promotions and funnels give (an effect "issue a voucher"), implemented by the rewards module, which
 * programs cannot depend on: the voucher is the reward's, issued without spending the member's points.
 */
public interface CampaignVouchers {

    /** Whether the reward is one of the circuit's. */
    boolean rewardExists(long circuitId, long rewardId);

    /**
     * Issues a voucher of the reward to the member in the caller's transaction and returns its code; the same
     * {@code key} again returns the first voucher's code and issues nothing.
     */
    String issue(long circuitId, long memberId, long rewardId, String key, String actor);
}
