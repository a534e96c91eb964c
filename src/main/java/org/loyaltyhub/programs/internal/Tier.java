package org.loyaltyhub.programs.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.TierStanding;

import java.math.BigDecimal;

/**
 * A tier of a circuit: its names, colour and optional icon (an emoji or a short text), the threshold a member's
 * qualifying activity must reach (in the unit of the circuit's basis), its benefits text, and the benefits the
 * engine applies: an earning multiplier, points worth a percentage more at redemption, and higher maximum discounts
 * (null: the program's). Omitted colour, multiplier and extra value take their neutral defaults.
 */
public record Tier(Long id,
                   @NotBlank @Size(max = 60) String nameEn,
                   @Size(max = 60) String nameIt,
                   @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #c9a227") String colour,
                   @Size(max = 8) String icon,
                   @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal threshold,
                   @Size(max = 500) String benefitsEn,
                   @Size(max = 500) String benefitsIt,
                   @NotNull @DecimalMin(value = "1", message = "must be at least 1 (1 = no multiplier)")
                   @DecimalMax("10") @Digits(integer = 2, fraction = 4) BigDecimal earnMultiplier,
                   @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                   BigDecimal redeemExtraPercent,
                   @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal maxDiscountAmount,
                   @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal maxDiscountPercent) {

    public static final String DEFAULT_COLOUR = "#8a8f98";

    public Tier {
        nameEn = trimmed(nameEn);
        nameIt = trimmed(nameIt);
        icon = trimmed(icon);
        benefitsEn = trimmed(benefitsEn);
        benefitsIt = trimmed(benefitsIt);
        colour = colour == null || colour.isBlank() ? DEFAULT_COLOUR : colour.strip().toLowerCase(java.util.Locale.ROOT);
        earnMultiplier = earnMultiplier == null ? BigDecimal.ONE : earnMultiplier;
        redeemExtraPercent = redeemExtraPercent == null ? BigDecimal.ZERO : redeemExtraPercent;
    }

    public Tier withId(Long newId) {
        return new Tier(newId, nameEn, nameIt, colour, icon, threshold, benefitsEn, benefitsIt, earnMultiplier,
                redeemExtraPercent, maxDiscountAmount, maxDiscountPercent);
    }

    public MemberStatus.Names names() {
        return new MemberStatus.Names(nameEn, nameIt);
    }

    public TierStanding.Level level() {
        return new TierStanding.Level(id, names(), colour, icon, threshold,
                benefitsEn == null && benefitsIt == null ? null : new MemberStatus.Names(benefitsEn, benefitsIt));
    }

    /** Whether redemption is better in this tier than in the program: more value or a higher maximum discount. */
    boolean improvesRedemption() {
        return redeemExtraPercent.signum() > 0 || maxDiscountAmount != null || maxDiscountPercent != null;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
