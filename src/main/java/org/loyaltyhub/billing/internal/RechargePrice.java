package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** What a recharge costs at the circuit's price per 1,000 points, rounded half-up to the cent; free without a price. */
public final class RechargePrice {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private RechargePrice() {
    }

    public static Optional<Money> of(long points, Money perThousand) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive: " + points);
        }
        if (perThousand == null || perThousand.isZero()) {
            return Optional.empty();
        }
        int digits = Math.max(perThousand.currency().getDefaultFractionDigits(), 0);
        BigDecimal amount = perThousand.amount().multiply(BigDecimal.valueOf(points))
                .divide(THOUSAND, digits, RoundingMode.HALF_UP);
        return Optional.of(new Money(amount, perThousand.currency()));
    }
}
