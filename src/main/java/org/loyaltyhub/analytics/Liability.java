package org.loyaltyhub.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.loyaltyhub.shared.Money;

/**
 * What the circuit owes its members in points at the end of {@code asOf} (UTC), straight from the books: available
 * points per issuer company (from lots and their movements), plus pending and held points (not yet tied to a lot),
 * valued at the circuit's redemption rate ({@code redeemValue / redeemPoints} per point).
 */
public record Liability(LocalDate asOf, List<IssuerShare> issuers, long pending, long held, long total,
                        Money value, BigDecimal valuePerPoint) {

    public record IssuerShare(Long companyId, long points, Money value) {
    }

    public Liability {
        issuers = List.copyOf(issuers);
    }

    /** The money value of {@code points} at a rate of {@code value} for {@code points} points. */
    public static Money valueOf(long points, BigDecimal perPoint, String currency) {
        return Money.of(perPoint.multiply(BigDecimal.valueOf(points)).setScale(2, RoundingMode.HALF_UP), currency);
    }
}
