package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a promotion gives when it applies, in points; each case names one way. */
public sealed interface PromotionEffect {

    /** The rule in words, as movements' reasons quote it. */
    String describe();

    /** The points it gives for a purchase (never negative). */
    long points(PromotionEngine.PurchaseCase p);

    /** A fixed number of points. */
    record FixedPoints(long points) implements PromotionEffect {
        public FixedPoints {
            if (points < 1 || points > 10_000_000) {
                throw new InvalidInput("effect.points", "must be between 1 and 10000000");
            }
        }

        public String describe() {
            return "+" + points + " points";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return points;
        }
    }

    /** The purchase's points times {@code factor}: the purchase keeps its own points, this gives the extra. */
    record Multiplier(BigDecimal factor) implements PromotionEffect {
        public Multiplier {
            if (factor == null || factor.compareTo(BigDecimal.ONE) <= 0 || factor.compareTo(BigDecimal.TEN) > 0
                    || factor.stripTrailingZeros().scale() > 4) {
                throw new InvalidInput("effect.factor", "must be above 1 and at most 10, with at most 4 decimals");
            }
            factor = factor.stripTrailingZeros();
        }

        public String describe() {
            return "×" + factor.toPlainString() + " the purchase's points";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return BigDecimal.valueOf(p.basePoints()).multiply(factor.subtract(BigDecimal.ONE))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
        }
    }

    /** Points worth {@code percent}% of the amount spent, at the points' redemption value. */
    record PercentOfSpend(BigDecimal percent) implements PromotionEffect {
        public PercentOfSpend {
            if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    || percent.stripTrailingZeros().scale() > 2) {
                throw new InvalidInput("effect.percent", "must be above 0 and at most 100, with at most 2 decimals");
            }
            percent = percent.stripTrailingZeros();
        }

        public String describe() {
            return percent.toPlainString() + "% of the spend in points";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return p.spend().multiply(percent).movePointLeft(2).multiply(p.pointsPerUnit())
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
        }
    }
}
