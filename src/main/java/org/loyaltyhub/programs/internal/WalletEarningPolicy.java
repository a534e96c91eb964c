package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.PurchaseFacts.Line;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a purchase credits to a money wallet, and by which rule. A line of a product with its own rate earns
 * that rate; every other line (or the whole amount, without lines) earns the store's rate when the store has one,
 * else the program's (the selling company's own or the circuit's). When the lines add up to more than was paid
 * (a cart discount), each counts in proportion, so the percentages apply to what was paid. The status multipliers
 * apply to the sum, rounded down to the currency's minor unit once. Nothing when the program is off.
 */
public final class WalletEarningPolicy {

    private WalletEarningPolicy() {
    }

    /** Where the rate for lines without a product rate comes from. */
    public enum RateSource {
        CIRCUIT("circuit"), COMPANY("company's rate"), STORE("store's rate");

        private final String label;

        RateSource(String label) {
            this.label = label;
        }
    }

    /** The rates in force where a purchase is made: the general one and its source, and products' own. */
    public record Rates(BigDecimal percent, RateSource source, Map<String, BigDecimal> products) {
        public Rates {
            if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    || source == null) {
                throw new IllegalArgumentException("a rate is a percentage from 0 to 100 with its source");
            }
            products = Map.copyOf(products);
        }

        public static Rates of(MoneyProgram p, RateSource source) {
            return new Rates(p.percent(), source, Map.of());
        }
    }

    /** Minor units earned and the rule that produced them ("5 % (circuit); product P-1 10 %; Gold ×1.5"). */
    public record Earned(long minorUnits, String rule) {
    }

    public static Earned earned(MoneyProgram p, Rates rates, List<Line> lines, Money paid,
                                List<EarningBoost.Multiplier> multipliers) {
        if (!p.enabled() || paid.amount().signum() <= 0) {
            return new Earned(0, "program off");
        }
        BigDecimal value;
        boolean generalUsed;
        Map<String, BigDecimal> ruled = new LinkedHashMap<>();
        if (lines == null || lines.isEmpty()) {
            value = paid.amount().multiply(rates.percent());
            generalUsed = true;
        } else {
            BigDecimal sum = lines.stream().map(Line::amount).filter(a -> a.signum() > 0)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            value = BigDecimal.ZERO;
            generalUsed = false;
            for (Line line : lines) {
                if (line.amount().signum() <= 0) {
                    continue;
                }
                BigDecimal own = line.productId() == null ? null : rates.products().get(line.productId());
                if (own != null) {
                    ruled.putIfAbsent(line.productId(), own);
                } else {
                    generalUsed = true;
                }
                value = value.add(line.amount().multiply(own == null ? rates.percent() : own));
            }
            if (sum.compareTo(paid.amount()) > 0) {
                value = value.multiply(paid.amount()).divide(sum, 12, RoundingMode.FLOOR);
            }
        }
        value = value.movePointLeft(2);
        for (EarningBoost.Multiplier m : multipliers) {
            value = value.multiply(m.factor());
        }
        long minor = new Money(value.setScale(Math.max(paid.currency().getDefaultFractionDigits(), 0),
                RoundingMode.FLOOR), paid.currency()).toMinorUnits();
        return new Earned(minor, rule(rates, generalUsed, ruled, multipliers));
    }

    private static String rule(Rates rates, boolean generalUsed, Map<String, BigDecimal> ruled,
                               List<EarningBoost.Multiplier> multipliers) {
        List<String> parts = new ArrayList<>();
        if (generalUsed) {
            parts.add(percent(rates.percent()) + " (" + rates.source().label + ")");
        }
        List<String> products = ruled.entrySet().stream()
                .map(e -> "product " + e.getKey() + " " + percent(e.getValue())).toList();
        if (!products.isEmpty()) {
            parts.add(products.size() <= 5 ? String.join(", ", products)
                    : String.join(", ", products.subList(0, 5)) + " and " + (products.size() - 5) + " more");
        }
        multipliers.forEach(m -> parts.add(m.label()));
        return String.join("; ", parts);
    }

    private static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + " %";
    }
}
