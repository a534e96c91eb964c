package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.PurchaseFacts.Line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * How many points a purchase is worth. Lines of products with their own rule earn by it (fixed points per unit or
 * a percentage of the line's amount); excluded products earn nothing; the rest earns by the general rate. Without
 * lines, the whole total earns by the general rate.
 */
public final class EarningPolicy {

    private EarningPolicy() {
    }

    public static long points(ProgramSettings s, Map<String, ProductRule> rules, List<Line> lines, BigDecimal total) {
        if (!s.pointsEnabled()) {
            return 0;
        }
        if (lines == null || lines.isEmpty()) {
            return byRate(s, total);
        }
        BigDecimal general = BigDecimal.ZERO;
        long special = 0;
        for (Line line : lines) {
            ProductRule rule = line.productId() == null ? null : rules.get(line.productId());
            ProductRule.EarnMode mode = rule == null ? ProductRule.EarnMode.DEFAULT : rule.earnMode();
            switch (mode) {
                case DEFAULT -> general = general.add(line.amount());
                case EXCLUDED -> { }
                case FIXED -> special = Math.addExact(special, line.quantity().setScale(0, RoundingMode.FLOOR)
                        .longValueExact() * rule.fixedPoints());
                case PERCENT -> special = Math.addExact(special, line.amount().multiply(rule.percent())
                        .movePointLeft(2).setScale(0, RoundingMode.FLOOR).longValueExact());
            }
        }
        // the lines' amounts may add up to more than was paid (cart discounts): earn on what was paid at most
        return Math.addExact(byRate(s, general.min(total.max(BigDecimal.ZERO))), special);
    }

    static long byRate(ProgramSettings s, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return 0;
        }
        BigDecimal steps = amount.divide(s.earnPerAmount(), 8, RoundingMode.FLOOR);
        BigDecimal points = switch (s.earnRounding()) {
            case PER_FULL_STEP -> steps.setScale(0, RoundingMode.FLOOR).multiply(BigDecimal.valueOf(s.earnPoints()));
            case PROPORTIONAL_DOWN -> steps.multiply(BigDecimal.valueOf(s.earnPoints())).setScale(0, RoundingMode.FLOOR);
            case PROPORTIONAL_HALF_UP -> amount.multiply(BigDecimal.valueOf(s.earnPoints()))
                    .divide(s.earnPerAmount(), 0, RoundingMode.HALF_UP);
        };
        return points.longValueExact();
    }

    /** Points times every multiplier, rounded down once at the end. */
    public static long multiplied(long points, List<org.loyaltyhub.programs.internal.EarningBoost.Multiplier> multipliers) {
        BigDecimal result = BigDecimal.valueOf(points);
        for (var m : multipliers) {
            result = result.multiply(m.factor());
        }
        return result.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** What is left of a purchase's points after refunds: in proportion to what was kept, rounded down. */
    public static long afterRefund(long base, BigDecimal total, BigDecimal refunded) {
        if (refunded.signum() <= 0) {
            return base;
        }
        if (total.signum() <= 0 || refunded.compareTo(total) >= 0) {
            return 0;
        }
        return BigDecimal.valueOf(base).multiply(total.subtract(refunded))
                .divide(total, 0, RoundingMode.FLOOR).longValueExact();
    }
}
