package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.RedeemableProducts;
import org.loyaltyhub.programs.PurchaseFacts.Line;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Whether and how far points can discount a cart (seed 004, "Utilizzo dei punti"): minimum balance, minimum cart,
 * maximum discount (amount and percentage), products already on sale, and the product list. The discount never
 * exceeds what the points are worth, rounded down to the currency's minor unit.
 */
public final class RedemptionPolicy {

    private RedemptionPolicy() {
    }

    public record Quote(boolean allowed, String code, String reason, long balance, long maxPoints, long points,
                        Money discount, Money eligibleAmount, List<String> bonuses) {

        public Quote(boolean allowed, String code, String reason, long balance, long maxPoints, long points,
                     Money discount, Money eligibleAmount) {
            this(allowed, code, reason, balance, maxPoints, points, discount, eligibleAmount, List.of());
        }

        Quote withBonuses(List<Bonus> applied) {
            return applied.isEmpty() ? this : new Quote(allowed, code, reason, balance, maxPoints, points, discount,
                    eligibleAmount, applied.stream().map(Bonus::reason).toList());
        }
    }

    /**
     * What a member's status adds at redemption: points worth {@code extraValuePercent} more (a badge's "+10 %"),
     * and a higher maximum discount (amount, percentage of the cart) than the program's; null leaves a limit as it
     * is. {@code reason} names it in the quote ("Gold: points worth 10 % more").
     */
    public record Bonus(BigDecimal extraValuePercent, BigDecimal maxDiscountAmount, BigDecimal maxDiscountPercent,
                        String reason) {
        public Bonus {
            if (extraValuePercent == null || extraValuePercent.signum() < 0 || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a bonus has a non-negative extra value and a reason");
            }
        }
    }

    /**
     * The program as it applies to a member with these bonuses: each bonus's extra value added to the points'
     * value, and each maximum discount the highest of the program's and the bonuses' (a program without a limit
     * keeps none).
     */
    public static ProgramSettings boosted(ProgramSettings s, List<Bonus> bonuses) {
        if (bonuses.isEmpty()) {
            return s;
        }
        BigDecimal extra = bonuses.stream().map(Bonus::extraValuePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal value = s.redeemValue().multiply(BigDecimal.ONE.add(extra.movePointLeft(2)));
        BigDecimal maxAmount = s.maxDiscountAmount();
        BigDecimal maxPercent = s.maxDiscountPercent();
        for (Bonus b : bonuses) {
            if (maxAmount != null && b.maxDiscountAmount() != null) {
                maxAmount = maxAmount.max(b.maxDiscountAmount());
            }
            if (maxPercent != null && b.maxDiscountPercent() != null) {
                maxPercent = maxPercent.max(b.maxDiscountPercent()).min(BigDecimal.valueOf(100));
            }
        }
        return new ProgramSettings(s.pointsEnabled(), s.earnPoints(), s.earnPerAmount(), s.earnRounding(),
                s.pendingFrom(), s.awardMoment(), s.registrationPoints(), s.newsletterPoints(), s.reviewPoints(),
                s.reviewPointsOnce(), s.validity(), s.validityMonths(), s.redeemPoints(), value, s.minBalance(),
                s.minCartTotal(), maxAmount, maxPercent, s.excludeDiscounted(), s.redeemableProducts(),
                s.holdMinutes(), s.introText(), s.earnOnTaxAndShipping(), s.timeZone());
    }

    /** The quote for a member with these bonuses: the program {@link #boosted} by them, naming them in the quote. */
    public static Quote quote(ProgramSettings s, List<Bonus> bonuses, Map<String, ProductRule> rules, long balance,
                              Money total, List<Line> lines, Long requestedPoints) {
        return quote(boosted(s, bonuses), rules, balance, total, lines, requestedPoints).withBonuses(bonuses);
    }

    /** The code quote for a member with these bonuses. */
    public static Quote quoteCode(ProgramSettings s, List<Bonus> bonuses, long balance, Currency currency,
                                  Long requestedPoints, BigDecimal requestedAmount) {
        return quoteCode(boosted(s, bonuses), balance, currency, requestedPoints, requestedAmount).withBonuses(bonuses);
    }

    public static Quote quote(ProgramSettings s, Map<String, ProductRule> rules, long balance, Money total,
                              List<Line> lines, Long requestedPoints) {
        Money zero = Money.zero(total.currency());
        if (!s.pointsEnabled()) {
            return refuse("points-disabled", "The points program is switched off", balance, zero);
        }
        Money eligible = eligible(s, rules, total, lines);
        if (balance < s.minBalance()) {
            return refuse("below-minimum-balance", "At least " + s.minBalance() + " points are needed to redeem",
                    balance, eligible);
        }
        if (total.amount().compareTo(s.minCartTotal()) < 0) {
            return refuse("cart-below-minimum", "The cart must total at least " + s.minCartTotal().stripTrailingZeros()
                    .toPlainString() + " " + total.currency().getCurrencyCode(), balance, eligible);
        }
        Money max = eligible;
        if (s.maxDiscountAmount() != null) {
            max = max.min(new Money(s.maxDiscountAmount(), total.currency()));
        }
        if (s.maxDiscountPercent() != null) {
            max = max.min(total.times(s.maxDiscountPercent().movePointLeft(2)));
        }
        max = max.floorToMinorUnit();
        long pointsForMax = max.amount().multiply(BigDecimal.valueOf(s.redeemPoints()))
                .divide(s.redeemValue(), 0, RoundingMode.FLOOR).longValueExact();
        long maxPoints = Math.min(balance, pointsForMax);
        if (maxPoints <= 0) {
            return new Quote(false, eligible.isZero() ? "nothing-eligible" : "no-points",
                    eligible.isZero() ? "No product in the cart can be discounted with points"
                            : "The member has no points to redeem", balance, 0, 0, zero, eligible);
        }
        long points = requestedPoints == null ? maxPoints : requestedPoints;
        if (points <= 0) {
            return new Quote(false, "invalid-points", "Redeem at least one point", balance, maxPoints, 0, zero, eligible);
        }
        if (points > maxPoints) {
            return new Quote(false, "too-many-points", "At most " + maxPoints + " points can be used on this cart",
                    balance, maxPoints, points, zero, eligible);
        }
        return new Quote(true, "ok", null, balance, maxPoints, points, value(s, points, total), eligible);
    }

    /**
     * A discount code asked for before any cart exists: {@code points} worth their value, or {@code amount} costing
     * the points it is worth rounded up. The cart minimum and percentage limits wait for the cart (the shop's code
     * carries the minimum); the balance, minimum balance and maximum discount are checked now.
     */
    public static Quote quoteCode(ProgramSettings s, long balance, Currency currency, Long requestedPoints,
                                  BigDecimal requestedAmount) {
        Money zero = Money.zero(currency);
        if (!s.pointsEnabled()) {
            return refuse("points-disabled", "The points program is switched off", balance, zero);
        }
        if (balance < s.minBalance()) {
            return refuse("below-minimum-balance", "At least " + s.minBalance() + " points are needed to redeem",
                    balance, zero);
        }
        long maxPoints = balance;
        if (s.maxDiscountAmount() != null) {
            maxPoints = Math.min(maxPoints, s.maxDiscountAmount().multiply(BigDecimal.valueOf(s.redeemPoints()))
                    .divide(s.redeemValue(), 0, RoundingMode.FLOOR).longValueExact());
        }
        long points;
        Money discount;
        if (requestedAmount != null) {
            discount = new Money(requestedAmount, currency).floorToMinorUnit();
            points = discount.amount().multiply(BigDecimal.valueOf(s.redeemPoints()))
                    .divide(s.redeemValue(), 0, RoundingMode.CEILING).longValueExact();
        } else {
            points = requestedPoints == null ? maxPoints : requestedPoints;
            discount = points > 0 ? value(s, points, zero) : zero;
        }
        if (points <= 0 || !discount.isPositive()) {
            return new Quote(false, "invalid-points", "Redeem points worth at least the smallest coin", balance,
                    maxPoints, 0, zero, zero);
        }
        if (points > maxPoints) {
            return new Quote(false, "too-many-points", "At most " + maxPoints + " points can be used now",
                    balance, maxPoints, points, zero, zero);
        }
        return new Quote(true, "ok", null, balance, maxPoints, points, discount, discount);
    }

    /**
     * The cart minimum of a code worth {@code discount}: the program's minimum cart, raised so that the discount is
     * at most the program's maximum percentage of the cart (10 € at 20 % needs a cart of 50 €), rounded up to the
     * minor unit.
     */
    public static Money codeMinimumSpend(ProgramSettings s, Money discount) {
        BigDecimal minimum = s.minCartTotal();
        if (s.maxDiscountPercent() != null) {
            BigDecimal forPercent = discount.amount().multiply(BigDecimal.valueOf(100))
                    .divide(s.maxDiscountPercent(), discount.currency().getDefaultFractionDigits(), RoundingMode.CEILING);
            minimum = minimum.max(forPercent);
        }
        return new Money(minimum, discount.currency());
    }

    /** What {@code points} are worth as a discount, rounded down to the minor unit. */
    public static Money value(ProgramSettings s, long points, Money currencyOf) {
        BigDecimal amount = BigDecimal.valueOf(points).multiply(s.redeemValue())
                .divide(BigDecimal.valueOf(s.redeemPoints()), 8, RoundingMode.FLOOR);
        return new Money(amount, currencyOf.currency()).floorToMinorUnit();
    }

    static Money eligible(ProgramSettings s, Map<String, ProductRule> rules, Money total, List<Line> lines) {
        if (lines == null || lines.isEmpty()) {
            return s.redeemableProducts() == RedeemableProducts.ONLY_LISTED ? Money.zero(total.currency()) : total;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Line line : lines) {
            if (s.excludeDiscounted() && line.discounted()) {
                continue;
            }
            boolean listed = line.productId() != null && rules.containsKey(line.productId())
                    && rules.get(line.productId()).redeemListed();
            boolean allowed = switch (s.redeemableProducts()) {
                case ALL -> true;
                case ONLY_LISTED -> listed;
                case EXCEPT_LISTED -> !listed;
            };
            if (allowed) {
                sum = sum.add(line.amount());
            }
        }
        return new Money(sum, total.currency()).min(total);
    }

    private static Quote refuse(String code, String reason, long balance, Money eligible) {
        return new Quote(false, code, reason, balance, 0, 0, Money.zero(eligible.currency()), eligible);
    }
}
