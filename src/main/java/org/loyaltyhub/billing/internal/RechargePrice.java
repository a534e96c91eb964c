package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a recharge costs, rounded half-up to the cent: budget points at the circuit's price per 1,000 points, SMS
 * credits at its price per credit; nothing to bill without a price (or at zero).
 */
public final class RechargePrice {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private RechargePrice() {
    }

    public static Optional<Money> of(long points, Money perThousand) {
        return priced(points, perThousand, THOUSAND);
    }

    public static Optional<Money> ofSmsCredits(long credits, Money perCredit) {
        return priced(credits, perCredit, BigDecimal.ONE);
    }

    private static Optional<Money> priced(long quantity, Money price, BigDecimal per) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (price == null || price.isZero()) {
            return Optional.empty();
        }
        int digits = Math.max(price.currency().getDefaultFractionDigits(), 0);
        BigDecimal amount = price.amount().multiply(BigDecimal.valueOf(quantity)).divide(per, digits, RoundingMode.HALF_UP);
        return Optional.of(new Money(amount, price.currency()));
    }
}
