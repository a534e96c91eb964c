package org.loyaltyhub.programs;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A product's own rule: earn fixed points per unit, a percentage of its price as points, or nothing; and whether
 * it is on the list the redemption rule refers to.
 */
public record ProductRule(
        @NotBlank @Size(max = 120) String productId,
        @NotNull EarnMode earnMode,
        @Min(0) @Max(1_000_000) Long fixedPoints,
        @DecimalMin("0") @DecimalMax("1000") BigDecimal percent,
        boolean redeemListed) {

    public enum EarnMode {
        DEFAULT, FIXED, PERCENT, EXCLUDED
    }
}
