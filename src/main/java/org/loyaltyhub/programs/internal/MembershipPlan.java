package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MemberStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A membership plan a circuit sells: its names and benefits (it/en), price in the circuit's currency, period, and
 * the benefits the engine applies (earning multiplier, welcome points, members-only flag, discount % at the counter).
 * {@code productIds} are the shop product ids or SKUs whose purchase grants it.
 */
public record MembershipPlan(long id, String nameEn, String nameIt, String benefitsEn, String benefitsIt,
                             BigDecimal price, String currency, PlanPeriod period, Integer months,
                             BigDecimal multiplier, long welcomePoints, boolean membersOnly,
                             BigDecimal counterDiscount, List<String> productIds, boolean archived) {

    public MembershipPlan {
        productIds = List.copyOf(productIds);
    }

    public MemberStatus.Names names() {
        return new MemberStatus.Names(nameEn, nameIt);
    }

    public String name(Locale locale) {
        return names().in(locale);
    }

    public String benefits(Locale locale) {
        return new MemberStatus.Names(benefitsEn, benefitsIt).in(locale);
    }

    /** The months one sale buys. */
    public int monthsPerSale() {
        return MembershipTerm.months(period, months);
    }

    /** Whether the plan multiplies the points of its members' purchases. */
    public boolean boostsEarning() {
        return multiplier.compareTo(BigDecimal.ONE) > 0;
    }

    /** "Premium ×2": how the multiplier is named in a purchase's movement. */
    public String boostLabel() {
        return nameEn + " ×" + multiplier.stripTrailingZeros().toPlainString();
    }
}
