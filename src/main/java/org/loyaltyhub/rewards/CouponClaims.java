package org.loyaltyhub.rewards;

import java.time.Instant;
import java.util.Optional;

/**
 * A member claims a coupon campaign's code by themselves (from a landing page): once per member, while the campaign
 * runs, within its stock of unique codes. A campaign with a shared code answers that code (the same for everybody,
 * used once per member at the till).
 */
public interface CouponClaims {

    /** A campaign as a landing page offers it. */
    record Offer(long campaignId, String name, CodeMode codeMode, Instant validFrom, Instant validUntil) {
    }

    /** The code the member holds from the campaign; {@code claimedBefore} when an earlier claim gave it. */
    record Claimed(long campaignId, String campaignName, String code, Instant validUntil, boolean claimedBefore) {
    }

    /** The circuit's campaigns that have not ended, for a landing page's button to offer. */
    java.util.List<Offer> offers(long circuitId);

    /** The circuit's campaign of that id. */
    Optional<Offer> offer(long circuitId, long campaignId);

    /**
     * Gives the member a code of the campaign, or the one they already have (so a retry claims nothing more);
     * refused with {@link CouponRefused} before the start, after the end, or when no unique code is left.
     */
    Claimed claim(long circuitId, long memberId, long campaignId);
}
