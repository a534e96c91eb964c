package org.loyaltyhub.analytics;

import java.util.List;
import org.loyaltyhub.shared.Money;

/**
 * How campaigns, coupons or rewards did over a range, one row per item of the circuit: what was issued, what was
 * redeemed, the points involved and the purchases attributed to them (not cancelled, net of refunds).
 */
public record Performance(Subject subject, List<Item> items) {

    /** What a report is about, and what its figures mean. */
    public enum Subject {
        /**
         * Purchase promotions (points campaigns): issued = purchases (or occurrences) the promotion gave points for,
         * points = points given (after reversals), purchases = those purchases; nothing is redeemed.
         */
        CAMPAIGNS,
        /**
         * Coupon campaigns: issued = coupons made (unique codes, or a member's use of a shared code), redeemed =
         * coupons used in the range, points = bonus points given by them, purchases = orders they were used on.
         */
        COUPONS,
        /**
         * Catalogue rewards: issued = vouchers claimed, redeemed = vouchers used in the range, points = points members
         * spent on them (claims not cancelled), purchases = orders they were used on.
         */
        REWARDS
    }

    /** {@code redeemed} is null for campaigns, which issue nothing to redeem. */
    public record Item(long id, String name, long issued, Long redeemed, long points, long purchases, Money spend) {
    }
}
