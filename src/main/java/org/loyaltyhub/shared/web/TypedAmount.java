package org.loyaltyhub.shared.web;

import java.math.BigDecimal;
import java.util.Optional;

/** An amount typed at a till, in either decimal notation (12,50 or 12.50): positive, at most two decimals. */
public final class TypedAmount {

    private static final BigDecimal MAX = new BigDecimal("1000000");

    private TypedAmount() {
    }

    /** The amount, or empty when blank or not a valid amount (the caller tells which). */
    public static Optional<BigDecimal> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(typed.strip().replace(',', '.'));
            return value.signum() > 0 && value.compareTo(MAX) <= 0 && value.scale() <= 2
                    ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
