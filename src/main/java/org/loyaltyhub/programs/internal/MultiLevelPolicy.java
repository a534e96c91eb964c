package org.loyaltyhub.programs.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Multi-level commissions: an upline level gets {@code percent}% of the points a downline member earned on a purchase,
 * rounded down to whole points (0.9 points give 0), computed on the purchase's points as they stand (so a refund that
 * lowers them lowers the commission by the same rule), and never more than what the upline member's monthly cap still
 * allows. A lowered commission takes back what is over, whatever the cap.
 */
final class MultiLevelPolicy {

    private MultiLevelPolicy() {
    }

    /** The level's commission on {@code points} earned: {@code points × percent / 100}, rounded down. */
    static long commission(long points, BigDecimal percent) {
        if (points <= 0 || percent.signum() <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(points).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    /**
     * The change to post: up to {@code target} from {@code credited}, a credit limited by what the month's cap leaves
     * ({@code cap} 0: none), or a debit of what is over the target.
     */
    static long change(long target, long credited, long creditedThisMonth, long cap) {
        if (target <= credited) {
            return target - credited;
        }
        long wanted = target - credited;
        if (cap == 0) {
            return wanted;
        }
        return Math.max(0, Math.min(wanted, cap - creditedThisMonth));
    }
}
