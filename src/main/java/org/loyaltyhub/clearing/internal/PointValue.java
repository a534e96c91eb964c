package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * What points are worth in the circuit's currency: {@code points} points for {@code value}, the program's redemption
 * rate ("100 points = 1 EUR"), so a company is paid for points at the value members get for them.
 */
public record PointValue(long points, Money value) {

    public PointValue {
        if (points < 1 || value == null || !value.isPositive()) {
            throw new IllegalArgumentException("points are worth a positive amount per at least one point");
        }
    }

    public Currency currency() {
        return value.currency();
    }

    /** The worth of {@code amount} points, rounded half-even to the currency's minor unit. */
    public Money of(long amount) {
        int digits = Math.max(currency().getDefaultFractionDigits(), 0);
        BigDecimal worth = value.amount().multiply(BigDecimal.valueOf(amount))
                .divide(BigDecimal.valueOf(points), digits, RoundingMode.HALF_EVEN);
        return new Money(worth, currency());
    }
}
