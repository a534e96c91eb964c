package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.programs.internal.RedemptionPolicy;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What holding a badge adds at redemption (seed 004, "Sconti condizionati per badge"): points worth
 * {@code extraValuePercent} more, and a maximum discount (amount, percentage of the cart) above the program's;
 * null leaves the program's limit.
 */
public record BadgeDiscount(BigDecimal extraValuePercent, BigDecimal maxDiscountAmount, BigDecimal maxDiscountPercent) {

    public static final BadgeDiscount NONE = new BadgeDiscount(BigDecimal.ZERO, null, null);

    public BadgeDiscount {
        Map<String, String> errors = new LinkedHashMap<>();
        extraValuePercent = extraValuePercent == null ? BigDecimal.ZERO : extraValuePercent;
        if (extraValuePercent.signum() < 0 || extraValuePercent.compareTo(BigDecimal.valueOf(1000)) > 0
                || extraValuePercent.stripTrailingZeros().scale() > 2) {
            errors.put("extraValuePercent", "must be between 0 and 1000 with at most 2 decimals");
        }
        if (maxDiscountAmount != null && (maxDiscountAmount.signum() <= 0
                || maxDiscountAmount.compareTo(new BigDecimal("1000000000")) >= 0
                || maxDiscountAmount.stripTrailingZeros().scale() > 4)) {
            errors.put("maxDiscountAmount", "must be a positive amount below 1,000,000,000");
        }
        if (maxDiscountPercent != null && (maxDiscountPercent.signum() <= 0
                || maxDiscountPercent.compareTo(BigDecimal.valueOf(100)) > 0
                || maxDiscountPercent.stripTrailingZeros().scale() > 2)) {
            errors.put("maxDiscountPercent", "must be above 0 and at most 100, with at most 2 decimals");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** The bonus a holder of {@code badgeName} gets, named in the quote; empty when the badge adds nothing. */
    public Optional<RedemptionPolicy.Bonus> bonus(String badgeName) {
        if (extraValuePercent.signum() == 0 && maxDiscountAmount == null && maxDiscountPercent == null) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder(badgeName).append(" badge:");
        String sep = " ";
        if (extraValuePercent.signum() > 0) {
            reason.append(sep).append("+").append(extraValuePercent.stripTrailingZeros().toPlainString())
                    .append(" % on points' value");
            sep = ", ";
        }
        if (maxDiscountAmount != null) {
            reason.append(sep).append("discount up to ").append(maxDiscountAmount.stripTrailingZeros().toPlainString());
            sep = ", ";
        }
        if (maxDiscountPercent != null) {
            reason.append(sep).append("discount up to ").append(maxDiscountPercent.stripTrailingZeros().toPlainString())
                    .append(" % of the cart");
        }
        return Optional.of(new RedemptionPolicy.Bonus(extraValuePercent, maxDiscountAmount, maxDiscountPercent,
                reason.toString()));
    }
}
