package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.programs.MemberStatus.Names;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A badge as an administrator defines it, checked as a whole: every wrong field is named at once. */
public record BadgeDraft(Names names, Names descriptions, PointRange range, BadgeDiscount discount) {

    static final int MAX_NAME = 80;
    static final int MAX_DESCRIPTION = 500;

    public static BadgeDraft of(String nameEn, String nameIt, String descriptionEn, String descriptionIt,
                                Long pointsFrom, Long pointsTo, BigDecimal extraValuePercent,
                                BigDecimal maxDiscountAmount, BigDecimal maxDiscountPercent) {
        Map<String, String> errors = new LinkedHashMap<>();
        nameEn = text(errors, "nameEn", nameEn, MAX_NAME, true);
        nameIt = text(errors, "nameIt", nameIt, MAX_NAME, false);
        descriptionEn = text(errors, "descriptionEn", descriptionEn, MAX_DESCRIPTION, false);
        descriptionIt = text(errors, "descriptionIt", descriptionIt, MAX_DESCRIPTION, false);
        PointRange range = null;
        if (pointsFrom == null) {
            errors.put("pointsFrom", "is required");
        } else {
            range = collect(errors, () -> new PointRange(pointsFrom, pointsTo));
        }
        BadgeDiscount discount = collect(errors, () -> new BadgeDiscount(extraValuePercent, maxDiscountAmount,
                maxDiscountPercent));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new BadgeDraft(new Names(nameEn, nameIt), new Names(descriptionEn, descriptionIt), range, discount);
    }

    private static String text(Map<String, String> errors, String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.put(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return v;
    }

    private static <T> T collect(Map<String, String> errors, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidInput e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
            return null;
        }
    }
}
