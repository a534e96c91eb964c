package org.loyaltyhub.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in one currency. Arithmetic refuses to mix currencies; amounts are kept at four decimals. */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final int SCALE = 4;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, Currency.getInstance(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Rounded down to the currency's minor unit (cents for EUR): what a discount may be at most. */
    public Money floorToMinorUnit() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(amount.setScale(digits, RoundingMode.FLOOR), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * The amount in the currency's minor unit (cents for EUR), as the ledger keeps money; an amount finer than the
     * minor unit is refused rather than rounded ({@link #floorToMinorUnit()} first when rounding down is meant).
     */
    public long toMinorUnits() {
        try {
            return amount.movePointRight(Math.max(currency.getDefaultFractionDigits(), 0)).setScale(0)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(this.amount.toPlainString() + " " + currency.getCurrencyCode()
                    + " is finer than the currency's minor unit", e);
        }
    }

    /** An amount given in the currency's minor unit (cents for EUR). */
    public static Money ofMinorUnits(long minor, Currency currency) {
        return new Money(BigDecimal.valueOf(minor).movePointLeft(Math.max(currency.getDefaultFractionDigits(), 0)),
                currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** The amount rounded to the currency's minor unit, as shown to people and returned by the API. */
    public BigDecimal display() {
        return amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    }

    /** As JSON: the amount at the currency's precision, as a string so no client reads it as a float. */
    @com.fasterxml.jackson.annotation.JsonValue
    Json json() {
        return new Json(display().toPlainString(), currency.getCurrencyCode());
    }

    /**
     * Money's JSON shape. A record rather than a map: Jackson resolves a final type's serializer once, where a map
     * made it build a map serializer for every amount written.
     */
    public record Json(String amount, String currency) {
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatch(currency, other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return display().toPlainString() + " " + currency.getCurrencyCode();
    }

    /** Raised when two amounts in different currencies meet. */
    public static final class CurrencyMismatch extends LoyaltyException {
        public CurrencyMismatch(Currency expected, Currency given) {
            super("currency-mismatch", Failure.REFUSED, "Amount in " + given.getCurrencyCode() + " where "
                    + expected.getCurrencyCode() + " was expected");
        }
    }
}
