package org.loyaltyhub.programs.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many redeemed points an order's refunds give back: the refunded share of the order's total, rounded down,
 * never more than was redeemed, whatever the number of refunds. It works on the refunds' running total, so a refund
 * seen twice (same id, same running total) gives nothing more.
 */
final class RefundSharePolicy {

    private RefundSharePolicy() {
    }

    /** The points given back in all for refunds adding up to {@code refunded} of an order of {@code total}. */
    static long sharedBack(long redeemed, BigDecimal total, BigDecimal refunded) {
        if (redeemed <= 0 || refunded == null || refunded.signum() <= 0 || total == null || total.signum() <= 0) {
            return 0;
        }
        if (refunded.compareTo(total) >= 0) {
            return redeemed;
        }
        return BigDecimal.valueOf(redeemed).multiply(refunded).divide(total, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** What to give back now, when {@code alreadyBack} points were given back for earlier refunds. */
    static long toGiveNow(long redeemed, BigDecimal total, BigDecimal refunded, long alreadyBack) {
        return Math.max(0, Math.min(redeemed, sharedBack(redeemed, total, refunded)) - alreadyBack);
    }
}
