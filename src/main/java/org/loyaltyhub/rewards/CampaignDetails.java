package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.InvalidInput;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an administrator sets on a coupon campaign. Refused as a whole ({@link InvalidInput}, one message per field)
 * when a part breaks a rule: a name, what it gives (the voucher kind's amount, percentage or product, or the bonus
 * points), a validity window that ends after it starts, a shared code of 3 to 15 letters and digits (one a letter at least) when the code is
 * shared (kept upper case), limits of at least one.
 */
public record CampaignDetails(String name, CampaignGift gives, RewardDetails.Benefit benefit, Long bonusPoints,
                              Instant validFrom, Instant validUntil, CodeMode codeMode, String sharedCode,
                              int perMemberLimit, Integer totalLimit, List<Long> companyIds, List<Long> storeIds) {

    public static final int MAX_CODES = 1_000_000;
    private static final Pattern SHARED = Pattern.compile("(?=.*[A-Z])[A-Z0-9]{3,15}");

    public CampaignDetails {
        name = name == null ? null : name.strip();
        benefit = benefit == null ? RewardDetails.Benefit.NONE : benefit;
        sharedCode = sharedCode == null || sharedCode.isBlank() || codeMode != CodeMode.SHARED ? null
                : sharedCode.strip().toUpperCase(Locale.ROOT);
        companyIds = companyIds == null ? List.of() : List.copyOf(companyIds);
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.length() > 120) {
            errors.put("name", "give the campaign a name, up to 120 characters");
        }
        if (gives == null) {
            errors.put("gives", "choose what the campaign gives");
        } else if (gives == CampaignGift.BONUS_POINTS) {
            if (bonusPoints == null || bonusPoints < 1 || bonusPoints > 10_000_000) {
                errors.put("bonusPoints", "give from 1 to 10,000,000 bonus points");
            }
        } else {
            benefit.check(gives.voucherKind(), errors);
        }
        if (validFrom == null || validUntil == null) {
            errors.put("validUntil", "give when the campaign starts and ends");
        } else if (!validUntil.isAfter(validFrom)) {
            errors.put("validUntil", "must be after the start");
        }
        if (codeMode == null) {
            errors.put("codeMode", "choose a shared code or unique codes");
        } else if (codeMode == CodeMode.SHARED && (sharedCode == null || !SHARED.matcher(sharedCode).matches())) {
            errors.put("sharedCode", "a shared code has 3 to 15 letters and digits, at least one a letter, such as SUMMER10");
        }
        if (perMemberLimit < 1 || perMemberLimit > 1000) {
            errors.put("perMemberLimit", "a member uses it from 1 to 1000 times");
        }
        if (totalLimit != null && (totalLimit < 1 || totalLimit > MAX_CODES)) {
            errors.put("totalLimit", "the total is empty (no limit) or from 1 to 1,000,000 uses");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Where its codes count: the companies' stores and the listed stores (both empty: everywhere). */
    public RewardDetails.Restrictions restrictions() {
        return new RewardDetails.Restrictions(List.of(), List.of(), List.of(), companyIds, storeIds, null);
    }

    /** Whether a typed text is shaped as a shared code (3 to 15 letters and digits, one a letter at least: a voucher code has 16, and digits alone are a typo). */
    public static boolean sharedShaped(String typed) {
        return typed != null && SHARED.matcher(typed.strip().toUpperCase(Locale.ROOT)).matches();
    }
}
