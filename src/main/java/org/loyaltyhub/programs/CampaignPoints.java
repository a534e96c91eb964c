package org.loyaltyhub.programs;

/**
 * Bonus points of a coupon campaign, for the rewards module (which never writes the ledger itself): credited to the
 * member's available points as a new lot (expiring as the program says), with the reason "Coupon: campaign" in
 * history. {@code key} names the code's use (unique per circuit), so a retry credits nothing twice.
 */
public interface CampaignPoints {

    /** Credits {@code points} to the member in the caller's transaction; a replay of {@code key} credits nothing more. */
    void award(long circuitId, long memberId, long points, String key, String campaign, Long companyId, Long storeId,
               String actor);
}
