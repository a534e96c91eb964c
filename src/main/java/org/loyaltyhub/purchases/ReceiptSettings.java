package org.loyaltyhub.purchases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * How a circuit takes receipt codes from its members: on or off, how many days a receipt stays claimable, the most a
 * member may claim per day (circuit currency) and the amount above which an operator reviews the claim (none: never).
 */
public record ReceiptSettings(
        boolean enabled,
        @NotNull @Min(1) @Max(90) @Schema(description = "A receipt is claimable for this many days after its time")
        Integer maxAgeDays,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        BigDecimal dailyLimit,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        @Schema(description = "Claims above this amount wait for an operator's review; empty: none")
        BigDecimal reviewAbove) {

    public static ReceiptSettings defaults() {
        return new ReceiptSettings(false, 7, new BigDecimal("500"), null);
    }
}
