package org.loyaltyhub.shared.web;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An amount typed at a till, positive with at most two decimals, in Italian or English notation: "12,50", "12.50",
 * "1.234,50" and "1,234.50" (a separator followed by three digits groups thousands: three decimals are never valid).
 */
public final class TypedAmount {

    private static final BigDecimal MAX = new BigDecimal("1000000");

    /** Whole part, either plain digits or grouped by threes with one separator; then an optional decimal part. */
    private static final java.util.regex.Pattern AMOUNT =
            java.util.regex.Pattern.compile("(\\d{1,3}(?:([.,])\\d{3})(?:\\2\\d{3})*|\\d+)(?:([.,])(\\d{1,2}))?");

    private TypedAmount() {
    }

    /** The amount, or empty when blank or not a valid amount (the caller tells which). */
    public static Optional<BigDecimal> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = AMOUNT.matcher(typed.strip().replace(" ", ""));
        if (!m.matches() || (m.group(2) != null && m.group(2).equals(m.group(3)))) {
            return Optional.empty();
        }
        String whole = m.group(1).replace(".", "").replace(",", "");
        BigDecimal value = new BigDecimal(m.group(4) == null ? whole : whole + "." + m.group(4));
        return value.signum() > 0 && value.compareTo(MAX) <= 0 ? Optional.of(value) : Optional.empty();
    }
}
