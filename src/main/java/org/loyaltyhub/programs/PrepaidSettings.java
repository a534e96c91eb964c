package org.loyaltyhub.programs;

import org.loyaltyhub.shared.Failure;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A circuit's prepaid credit and gift cards (issue 11 §2): whether companies sell them, how long credit is valid
 * ({@code expiryMonths} null: no expiry, the default; otherwise at least 12 months, local law decides), the amounts a
 * sale may have (between {@code minAmount} and {@code maxAmount}; {@code fixedAmounts} offered as buttons at the
 * counter), where credit is spent: at every company ({@link AcceptedAt#ALL}) or at {@code acceptingCompanies}, and
 * for how many hours a mistaken sale may be voided ({@code voidWindowHours}, 1 to 720; null: 24).
 */
public record PrepaidSettings(
        boolean enabled,
        @Min(12) @Max(120) Integer expiryMonths,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
        BigDecimal minAmount,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
        BigDecimal maxAmount,
        @NotNull @Size(max = 12) List<@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
        @Digits(integer = 6, fraction = 2) BigDecimal> fixedAmounts,
        @NotNull AcceptedAt acceptedAt,
        @NotNull @Size(max = 1000) List<@NotNull Long> acceptingCompanies,
        @Min(1) @Max(720) Integer voidWindowHours) {

    /** How long after a sale it may be voided when the circuit does not say. */
    public static final int VOID_WINDOW_HOURS = 24;

    /** Where prepaid credit and gift cards are spent. */
    public enum AcceptedAt { ALL, LISTED }

    public PrepaidSettings {
        Map<String, String> errors = new LinkedHashMap<>();
        if (expiryMonths != null && (expiryMonths < 12 || expiryMonths > 120)) {
            errors.put("expiryMonths", "leave empty for no expiry, or 12 to 120 months");
        }
        if (minAmount == null || minAmount.signum() <= 0) {
            errors.put("minAmount", "must be more than zero");
        } else if (maxAmount == null || maxAmount.compareTo(minAmount) < 0) {
            errors.put("maxAmount", "must be at least the minimum amount");
        }
        fixedAmounts = fixedAmounts == null ? List.of()
                : fixedAmounts.stream().map(BigDecimal::stripTrailingZeros).distinct().sorted().toList();
        if (errors.isEmpty() && fixedAmounts.stream().anyMatch(a -> a.compareTo(minAmount) < 0
                || a.compareTo(maxAmount) > 0)) {
            errors.put("fixedAmounts", "must lie between the minimum and maximum amounts");
        }
        acceptedAt = acceptedAt == null ? AcceptedAt.ALL : acceptedAt;
        acceptingCompanies = acceptingCompanies == null ? List.of() : acceptingCompanies.stream().distinct().sorted().toList();
        voidWindowHours = voidWindowHours == null ? VOID_WINDOW_HOURS : voidWindowHours;
        if (voidWindowHours < 1 || voidWindowHours > 720) {
            errors.put("voidWindowHours", "a sale may be voided for 1 to 720 hours");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** The same with the default void window. */
    public PrepaidSettings(boolean enabled, Integer expiryMonths, BigDecimal minAmount, BigDecimal maxAmount,
                           List<BigDecimal> fixedAmounts, AcceptedAt acceptedAt, List<Long> acceptingCompanies) {
        this(enabled, expiryMonths, minAmount, maxAmount, fixedAmounts, acceptedAt, acceptingCompanies, null);
    }

    /** Off until a circuit administrator turns it on: no expiry, 5 to 500, accepted everywhere, voided within 24 h. */
    public static PrepaidSettings defaults() {
        return new PrepaidSettings(false, null, new BigDecimal("5"), new BigDecimal("500"), List.of(), AcceptedAt.ALL,
                List.of());
    }

    /** Until when a sale made at {@code soldAt} may be voided. */
    public Instant voidableUntil(Instant soldAt) {
        return soldAt.plus(java.time.Duration.ofHours(voidWindowHours));
    }

    /** Whether credit is spent at the company. */
    public boolean accepts(long companyId) {
        return enabled && (acceptedAt == AcceptedAt.ALL || acceptingCompanies.contains(companyId));
    }

    /** When credit sold at {@code soldAt} expires; null when it does not. */
    public Instant expiresAt(Instant soldAt) {
        return expiryMonths == null ? null : soldAt.atZone(ZoneOffset.UTC).plusMonths(expiryMonths).toInstant();
    }

    /**
     * Refuses a sale the settings do not allow: selling switched off, an amount outside the range or not in whole
     * cents, a bonus larger than what was paid. Currency is checked by the caller against the circuit's.
     */
    public void checkSale(Money paid, Money bonus) {
        if (!enabled) {
            throw new org.loyaltyhub.shared.LoyaltyException("prepaid-off", Failure.REFUSED,
                    "Prepaid credit and gift cards are not sold in this circuit");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!paid.isPositive() || paid.floorToMinorUnit().compareTo(paid) != 0
                || paid.amount().compareTo(minAmount) < 0 || paid.amount().compareTo(maxAmount) > 0) {
            errors.put("amount", "must be between " + new Money(minAmount, paid.currency()) + " and "
                    + new Money(maxAmount, paid.currency()) + ", in whole cents");
        }
        if (bonus.isNegative() || bonus.floorToMinorUnit().compareTo(bonus) != 0 || bonus.compareTo(paid) > 0) {
            errors.put("bonus", "must be zero or more, in whole cents, and at most the amount paid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
