package org.loyaltyhub.programs;

/**
 * Spends a member's points on a reward and gives them back, for the rewards module (which never writes the ledger
 * itself). Each spend is a reservation captured at once, both entries carrying the reward's reason in the member's
 * history; {@code key} names the spend (unique per circuit), so a retry spends nothing twice and a give-back happens once.
 */
public interface RewardPoints {

    /**
     * Holds {@code points} of the member's available points and captures them, in the caller's transaction (so the
     * voucher issued with it commits or not with it). Refused with {@code insufficient-points} (422) when the member
     * has fewer; a replay of {@code key} spends nothing more.
     */
    void spend(long circuitId, long memberId, long points, String key, String reason, Long companyId, Long storeId,
               String actor);

    /** Gives back to their lots the points spent under {@code key}; once, whatever the retries. False when none were spent. */
    boolean giveBack(long circuitId, String key, String reason, String actor);
}
