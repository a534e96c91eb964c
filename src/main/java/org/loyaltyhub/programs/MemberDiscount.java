package org.loyaltyhub.programs;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fixed discount a member's plan gives at the counter ("Member discount 10 %"), and what it takes off a total:
 * the percent of the total, rounded half up to the currency's cents.
 */
public record MemberDiscount(BigDecimal percent, MemberStatus.Names plan) {

    public MemberDiscount {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("a member discount is more than 0 and less than 100 %: " + percent);
        }
    }

    /** What the discount takes off {@code total}. */
    public Money off(Money total) {
        int cents = Math.max(0, total.currency().getDefaultFractionDigits());
        return new Money(total.amount().multiply(percent).movePointLeft(2).setScale(cents, RoundingMode.HALF_UP),
                total.currency());
    }

    /** What is left to pay. */
    public Money toPay(Money total) {
        return total.minus(off(total));
    }
}
