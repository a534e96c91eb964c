package org.loyaltyhub.programs;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A circuit's points program (seed 004, "Impostazioni Generali"): how points are earned, when they become
 * available, how long they last, and how they turn into a discount. Shop orders earn on the goods after discounts;
 * {@code earnOnTaxAndShipping} adds what the customer paid for tax and shipping.
 */
public record ProgramSettings(
        boolean pointsEnabled,
        @Min(1) @Max(1_000_000) long earnPoints,
        @NotNull @DecimalMin(value = "0.01") @DecimalMax("1000000") BigDecimal earnPerAmount,
        @NotNull Rounding earnRounding,
        @NotNull Stage pendingFrom,
        @NotNull Stage awardMoment,
        @Min(0) @Max(1_000_000) long registrationPoints,
        @Min(0) @Max(1_000_000) long newsletterPoints,
        @Min(0) @Max(1_000_000) long reviewPoints,
        boolean reviewPointsOnce,
        @NotNull Validity validity,
        @Min(1) @Max(600) Integer validityMonths,
        @Min(1) @Max(1_000_000) long redeemPoints,
        @NotNull @DecimalMin(value = "0.01") @DecimalMax("1000000") BigDecimal redeemValue,
        @Min(0) @Max(100_000_000) long minBalance,
        @NotNull @DecimalMin("0") @DecimalMax("100000000") BigDecimal minCartTotal,
        @DecimalMin("0.01") @DecimalMax("100000000") BigDecimal maxDiscountAmount,
        @DecimalMin("0.01") @DecimalMax("100") BigDecimal maxDiscountPercent,
        boolean excludeDiscounted,
        @NotNull RedeemableProducts redeemableProducts,
        @Min(1) @Max(43_200) int holdMinutes,
        @Size(max = 4000) String introText,
        boolean earnOnTaxAndShipping,
        @Size(max = 64) @io.swagger.v3.oas.annotations.media.Schema(description = "The circuit's time zone (IANA name): "
                + "days, hours, birthdays and schedules of promotions count in it; empty: Europe/Rome") String timeZone) {

    public static final String DEFAULT_TIME_ZONE = "Europe/Rome";

    public ProgramSettings {
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone.strip();
    }

    /** The settings in the default time zone. */
    public ProgramSettings(boolean pointsEnabled, long earnPoints, BigDecimal earnPerAmount, Rounding earnRounding,
                           Stage pendingFrom, Stage awardMoment, long registrationPoints, long newsletterPoints,
                           long reviewPoints, boolean reviewPointsOnce, Validity validity, Integer validityMonths,
                           long redeemPoints, BigDecimal redeemValue, long minBalance, BigDecimal minCartTotal,
                           BigDecimal maxDiscountAmount, BigDecimal maxDiscountPercent, boolean excludeDiscounted,
                           RedeemableProducts redeemableProducts, int holdMinutes, String introText,
                           boolean earnOnTaxAndShipping) {
        this(pointsEnabled, earnPoints, earnPerAmount, earnRounding, pendingFrom, awardMoment, registrationPoints,
                newsletterPoints, reviewPoints, reviewPointsOnce, validity, validityMonths, redeemPoints, redeemValue,
                minBalance, minCartTotal, maxDiscountAmount, maxDiscountPercent, excludeDiscounted, redeemableProducts,
                holdMinutes, introText, earnOnTaxAndShipping, null);
    }

    /** The settings without {@code earnOnTaxAndShipping} (off: shop orders earn on the goods after discounts). */
    public ProgramSettings(boolean pointsEnabled, long earnPoints, BigDecimal earnPerAmount, Rounding earnRounding,
                           Stage pendingFrom, Stage awardMoment, long registrationPoints, long newsletterPoints,
                           long reviewPoints, boolean reviewPointsOnce, Validity validity, Integer validityMonths,
                           long redeemPoints, BigDecimal redeemValue, long minBalance, BigDecimal minCartTotal,
                           BigDecimal maxDiscountAmount, BigDecimal maxDiscountPercent, boolean excludeDiscounted,
                           RedeemableProducts redeemableProducts, int holdMinutes, String introText) {
        this(pointsEnabled, earnPoints, earnPerAmount, earnRounding, pendingFrom, awardMoment, registrationPoints,
                newsletterPoints, reviewPoints, reviewPointsOnce, validity, validityMonths, redeemPoints, redeemValue,
                minBalance, minCartTotal, maxDiscountAmount, maxDiscountPercent, excludeDiscounted, redeemableProducts,
                holdMinutes, introText, false);
    }

    public static ProgramSettings defaults() {
        return new ProgramSettings(true, 1, BigDecimal.ONE, Rounding.PER_FULL_STEP, Stage.NONE, Stage.PAID, 0, 0, 0,
                false, Validity.NEVER, null, 100, BigDecimal.ONE, 0, BigDecimal.ZERO, null, null, false,
                RedeemableProducts.ALL, 30, null);
    }

    /** Whether the purchase, not voided, has reached the award moment (the moment its rewards are decided). */
    public boolean awarded(PurchaseFacts f) {
        return !f.voided() && awardMoment != Stage.NONE && f.stage().ordinal() >= awardMoment.ordinal();
    }

    /** How a spend turns into points: 10 points for each full 5 €, or in proportion, rounded down or half up. */
    public enum Rounding {
        PER_FULL_STEP, PROPORTIONAL_DOWN, PROPORTIONAL_HALF_UP
    }

    /** A moment in an order's life. NONE, as pendingFrom, means points never show as pending. */
    public enum Stage {
        NONE, CREATED, PAID, COMPLETED
    }

    /** How long earned points stay valid. */
    public enum Validity {
        NEVER, MONTHS, END_OF_YEAR
    }

    /** Which products points may discount: all, only the listed ones, or all but the listed ones. */
    public enum RedeemableProducts {
        ALL, ONLY_LISTED, EXCEPT_LISTED
    }
}
