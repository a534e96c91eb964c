package org.loyaltyhub.programs.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A membership plan as an administrator writes it. Optional benefits default to none (multiplier 1, no welcome
 * points, no discount). A one-off plan names its months; monthly and yearly plans do not.
 */
public record PlanInput(@NotBlank @Size(max = 100) String nameEn, @Size(max = 100) String nameIt,
                        @Size(max = 2000) String benefitsEn, @Size(max = 2000) String benefitsIt,
                        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal price,
                        @NotNull PlanPeriod period, @Min(1) @Max(PlanPeriod.MAX_MONTHS) Integer months,
                        @DecimalMin("1") @DecimalMax("10") @Digits(integer = 2, fraction = 4) BigDecimal multiplier,
                        @Min(0) @Max(10_000_000) Long welcomePoints, Boolean membersOnly,
                        @DecimalMin("0") @DecimalMax(value = "100", inclusive = false) @Digits(integer = 2, fraction = 2)
                        BigDecimal counterDiscount,
                        @Size(max = 50) List<@NotBlank @Size(max = 100) String> productIds) {

    public PlanInput {
        productIds = productIds == null ? List.of()
                : productIds.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).distinct().toList();
        nameEn = strip(nameEn);
        nameIt = strip(nameIt);
        benefitsEn = strip(benefitsEn);
        benefitsIt = strip(benefitsIt);
    }

    /** The rules between fields that annotations cannot say: a one-off plan's months, and only there. */
    public Map<String, String> crossFieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (period == PlanPeriod.FIXED_MONTHS && months == null) {
            errors.put("months", "a one-off plan says how many months it lasts (1 to " + PlanPeriod.MAX_MONTHS + ")");
        }
        if (period != null && period != PlanPeriod.FIXED_MONTHS && months != null) {
            errors.put("months", "only a one-off plan (FIXED_MONTHS) names its months");
        }
        return errors;
    }

    public BigDecimal multiplierOrOne() {
        return multiplier == null ? BigDecimal.ONE : multiplier;
    }

    public long welcomePointsOrNone() {
        return welcomePoints == null ? 0 : welcomePoints;
    }

    public BigDecimal counterDiscountOrNone() {
        return counterDiscount == null ? BigDecimal.ZERO : counterDiscount;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
