package org.loyaltyhub.programs;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Lets an order settle the redemption it used (payment captures the points, cancellation releases them), and lets
 * a shop integration hold points for a discount code the customer will spend later.
 */
public interface Redemptions {

    /**
     * The order that used the redemption is paid: its points are taken. The order counts as placed at
     * {@code orderedAt}, so one placed while the reservation was valid captures it even when its news arrives after
     * the reservation's time ran out. A reservation already released leaves the order as it is: the purchase is
     * recorded and the points stay with the member.
     */
    void captureForOrder(long circuitId, long redemptionId, long memberId, String orderId, String actor,
                         Instant orderedAt);

    void releaseForOrder(long circuitId, long redemptionId, long memberId, String actor);

    /**
     * The order that used the redemption is now refunded by {@code refunded} of its {@code orderTotal}: the refunded
     * share of the redeemed points comes back (rounded down, never more than redeemed, nothing twice).
     */
    void giveBackRefundedShare(long circuitId, long redemptionId, long memberId, BigDecimal orderTotal,
                               BigDecimal refunded, String actor);

    /**
     * Holds points for a discount code, before any cart exists: either {@code points} (worth their value) or
     * {@code amount} (costing the points it is worth, rounded up), checked against the program's minimum balance,
     * maximum discount and the member's balance. The hold lasts until {@code expiresAt} (a code lives days, not
     * the checkout's minutes). Refusals are 422 problems with the policy's code.
     */
    CodeHold holdForCode(long circuitId, long memberId, long storeId, Long points, BigDecimal amount,
                         Instant expiresAt, String actor);

    /** Gives back the points of a redemption that was never used; a no-op when already released. */
    void release(long circuitId, long redemptionId, String reason, String actor);

    /**
     * Points held for a code: the redemption and its hold, the points, what they are worth, the cart minimum the
     * program asks for (zero when none; raised so the discount stays within the program's maximum percentage of
     * the cart), and which products the code may discount. The shop's code should carry all of them.
     */
    record CodeHold(long redemptionId, long holdId, long memberId, long points, Money discount, Money minimumSpend,
                    Instant expiresAt, ProductLimits limits) {

        public CodeHold withExpiry(Instant expiresAt) {
            return new CodeHold(redemptionId, holdId, memberId, points, discount, minimumSpend, expiresAt, limits);
        }
    }

    /**
     * The program's limits on what points may discount: not products already on sale, only the listed products, or
     * all but the listed ones (product ids as the purchases carry them; for a shop, the shop's product ids).
     */
    record ProductLimits(boolean excludeDiscounted, java.util.List<String> onlyProducts,
                         java.util.List<String> exceptProducts) {

        public static final ProductLimits NONE = new ProductLimits(false, java.util.List.of(), java.util.List.of());
    }
}
