package org.loyaltyhub.programs;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.loyaltyhub.ledger.Purpose;

import java.math.BigDecimal;

/**
 * A money program's rule (issue 11): the cashback wallet or accumulated discounts. A purchase credits
 * {@code percent} of what was paid (times the member's status multipliers), pending until the points program's
 * award moment, valid {@code expiryMonths} (null: no expiry). Spending needs an order of at least {@code minOrder}
 * and pays at most {@code maxSharePercent} of it. The circuit's rule applies unless the selling company has its own.
 */
public record MoneyProgram(
        boolean enabled,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal percent,
        @Min(1) @Max(600) Integer expiryMonths,
        @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4) BigDecimal minOrder,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
        BigDecimal maxSharePercent) {

    public static MoneyProgram off() {
        return new MoneyProgram(false, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.valueOf(100));
    }

    /**
     * The money purposes a program earns by: cashback and accumulated discounts. Prepaid credit is sold, not earned;
     * its rules are {@link PrepaidSettings}.
     */
    public static boolean runs(Purpose purpose) {
        return purpose == Purpose.CASHBACK || purpose == Purpose.DISCOUNT;
    }

    /** The rule prepaid credit is spent by: at the companies that accept it, any order, up to the whole of it. */
    public static MoneyProgram prepaid(PrepaidSettings settings, long companyId) {
        return new MoneyProgram(settings.accepts(companyId), BigDecimal.ZERO, settings.expiryMonths(), BigDecimal.ZERO,
                BigDecimal.valueOf(100));
    }
}
