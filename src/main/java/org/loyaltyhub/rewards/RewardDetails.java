package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an administrator sets on a reward. Refused as a whole ({@link InvalidInput}, one message per field) when a
 * part breaks a rule: a title in both languages, a cost of at least one point, what the kind needs (an amount, a
 * percentage, a product), a validity window that ends after it starts, a stock and a limit that make sense.
 */
public record RewardDetails(RewardKind kind, Text title, Text description, Cost cost, Benefit benefit,
                            Instant validFrom, Instant validUntil, int voucherDays, Long stock, Limit limit,
                            Restrictions restrictions, Long fundingCompanyId, boolean giveBackUnused, boolean active) {

    public static final long MAX_POINTS = 1_000_000_000L;

    public RewardDetails {
        description = description == null ? new Text(null, null) : description;
        benefit = benefit == null ? Benefit.NONE : benefit;
        restrictions = restrictions == null ? Restrictions.NONE : restrictions;
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "choose what the reward gives");
        }
        if (title == null || blank(title.en()) || blank(title.it()) || title.en().length() > 120
                || title.it().length() > 120) {
            errors.put("title", "give a title in English and Italian, up to 120 characters each");
        }
        if (length(description.en()) > 2000 || length(description.it()) > 2000) {
            errors.put("description", "up to 2000 characters in each language");
        }
        if (cost == null || cost.points() < 1 || cost.points() > MAX_POINTS) {
            errors.put("points", "a reward costs from 1 to 1,000,000,000 points");
        } else if (cost.cash() != null && !cost.cash().isPositive()) {
            errors.put("cash", "a cash contribution must be more than zero, or left empty");
        }
        if (kind != null) {
            benefit.check(kind, errors);
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            errors.put("validUntil", "must be after the start of validity");
        }
        if (voucherDays < 1 || voucherDays > 3650) {
            errors.put("voucherDays", "a voucher lasts from 1 to 3650 days");
        }
        if (stock != null && (stock < 0 || stock > MAX_POINTS)) {
            errors.put("stock", "stock is empty (unlimited) or from 0 to 1,000,000,000");
        }
        if (limit != null && (limit.count() < 1 || limit.count() > 1000 || limit.period() == null)) {
            errors.put("limit", "a limit is 1 to 1000 claims per day, month or ever");
        }
        if (restrictions.minimumCart() != null && restrictions.minimumCart().isNegative()) {
            errors.put("minimumCart", "must not be negative");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** A text in English and Italian. */
    public record Text(String en, String it) {
        public Text {
            en = en == null ? null : en.strip();
            it = it == null ? null : it.strip();
        }

        public String in(Locale locale) {
            return locale != null && "it".equals(locale.getLanguage()) && !blank(it) ? it : en;
        }
    }

    /** Points only, or points plus a cash contribution paid at the counter. */
    public record Cost(long points, Money cash) {
    }

    /** What the voucher is worth: an amount off, a percentage with an optional cap, or a product. */
    public record Benefit(Money amount, BigDecimal percent, Money cap, String productId) {

        public static final Benefit NONE = new Benefit(null, null, null, null);

        void check(RewardKind kind, Map<String, String> errors) {
            switch (kind) {
                case FIXED_AMOUNT -> {
                    if (amount == null || !amount.isPositive()) {
                        errors.put("amount", "give the amount off");
                    }
                }
                case PERCENT -> {
                    if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                        errors.put("percent", "give a percentage from 0.01 to 100");
                    }
                    if (cap != null && !cap.isPositive()) {
                        errors.put("cap", "a cap must be more than zero, or left empty");
                    }
                }
                case FREE_PRODUCT -> {
                    if (productId == null || productId.isBlank() || productId.length() > 120) {
                        errors.put("productId", "give the product's id or SKU (up to 120 characters)");
                    }
                }
                case FREE_SHIPPING, PHYSICAL -> { }
            }
        }
    }

    /** At most {@code count} claims per member in each period. */
    public record Limit(int count, LimitPeriod period) {
    }

    /**
     * Who may claim (members with one of the tiers, one of the badges, one of the plans; empty lists: anybody) and
     * where the voucher is valid (the companies' stores and the listed stores; both empty: everywhere), with the
     * cart it needs at least.
     */
    public record Restrictions(List<Long> tierIds, List<Long> badgeIds, List<Long> planIds, List<Long> companyIds,
                               List<Long> storeIds, Money minimumCart) {

        public static final Restrictions NONE = new Restrictions(List.of(), List.of(), List.of(), List.of(),
                List.of(), null);

        public Restrictions {
            tierIds = tierIds == null ? List.of() : List.copyOf(tierIds);
            badgeIds = badgeIds == null ? List.of() : List.copyOf(badgeIds);
            planIds = planIds == null ? List.of() : List.copyOf(planIds);
            companyIds = companyIds == null ? List.of() : List.copyOf(companyIds);
            storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
        }

        public boolean validAt(long companyId, long storeId) {
            return (companyIds.isEmpty() && storeIds.isEmpty()) || companyIds.contains(companyId)
                    || storeIds.contains(storeId);
        }
    }
}
