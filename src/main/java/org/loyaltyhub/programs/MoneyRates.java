package org.loyaltyhub.programs;

import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;

/**
 * A money program's own rates (issue 11 §1): a product's percentage, circuit-wide like the points' product rules,
 * and a store's percentage, which replaces its company's (or the circuit's) rate for sales at that store. Both are
 * checked where they are built: a percentage from 0 to 100 with at most 4 decimals, a product id of 1 to 120
 * printable characters.
 */
public final class MoneyRates {

    private MoneyRates() {
    }

    /** Lines of {@code productId} earn {@code percent} of their amount (0: nothing), whatever the store's rate. */
    public record ProductRate(String productId, BigDecimal percent) {
        public ProductRate {
            if (productId == null || productId.isBlank() || productId.strip().length() > 120
                    || productId.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInput("productId", "must be 1 to 120 printable characters");
            }
            productId = productId.strip();
            percent = checked(percent);
        }
    }

    /** Sales at the store earn {@code percent} (lines of products with their own rate excepted). */
    public record StoreRate(long storeId, String storeName, long companyId, BigDecimal percent) {
        public StoreRate {
            percent = checked(percent);
        }
    }

    /** A percentage from 0 to 100, at most 4 decimals, trailing zeros dropped. */
    public static BigDecimal checked(BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.stripTrailingZeros().scale() > 4) {
            throw new InvalidInput("percent", "must be a percentage from 0 to 100 with at most 4 decimals");
        }
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
