package org.loyaltyhub.analytics;

import java.util.Set;

/**
 * What a movement on members' balances was, as the points report groups it (seed 004 "Report"). Every journal
 * entry kind maps to one report kind here, and nowhere else; a kind this list does not name (a rule added later)
 * counts as an earning when it credits members and as a redemption when it debits them.
 */
public enum ReportKind {
    EARN, REDEEM, MANUAL, EXPIRY, REVERSAL, CAMPAIGN;

    private static final Set<String> EARNING = Set.of("EARN", "EARN_PENDING", "PENDING_RELEASE", "MEMBERSHIP_WELCOME",
            "REFERRAL_REFERRER", "REFERRAL_FRIEND", "MULTI_LEVEL", "SHARE_VISIT");
    private static final Set<String> REDEEMING = Set.of("REDEMPTION_HOLD", "REDEMPTION", "REDEMPTION_RELEASE",
            "REWARD_HOLD", "REWARD", "HOLD", "SPEND", "RELEASE", "CAPTURE");
    private static final Set<String> REVERSING = Set.of("EARN_REVERSAL", "REDEMPTION_REFUND", "REWARD_REFUND",
            "REFERRAL_REVERSAL", "MULTI_LEVEL_REVERSAL", "REFUND", "REVERSAL");

    /** The report kind of a journal entry kind; {@code net} is what the entry moved on members' balances. */
    public static ReportKind of(String entryKind, long net) {
        String k = entryKind == null ? "" : entryKind;
        String base = k.startsWith("CASHBACK_") || k.startsWith("DISCOUNT_") ? k.substring(k.indexOf('_') + 1) : k;
        if (base.equals("COUPON_BONUS")) {
            return CAMPAIGN;
        }
        if (base.equals("EXPIRY")) {
            return EXPIRY;
        }
        if (base.startsWith("MANUAL_")) {
            return MANUAL;
        }
        if (REVERSING.contains(base) || base.endsWith("_REVERSAL")) {
            return REVERSAL;
        }
        if (EARNING.contains(base) || base.startsWith("ACTION_")) {
            return EARN;
        }
        if (REDEEMING.contains(base)) {
            return REDEEM;
        }
        return net >= 0 ? EARN : REDEEM;
    }

    /** The SQL expression that maps {@code entryKindColumn} the same way, for rollups and row queries. */
    public static String sql(String kindColumn, String netColumn) {
        return "case when " + stripped(kindColumn) + " = 'COUPON_BONUS' then 'CAMPAIGN'"
                + " when " + stripped(kindColumn) + " = 'EXPIRY' then 'EXPIRY'"
                + " when " + stripped(kindColumn) + " like 'MANUAL\\_%' then 'MANUAL'"
                + " when " + stripped(kindColumn) + " in " + list(REVERSING) + " or " + stripped(kindColumn)
                + " like '%\\_REVERSAL' then 'REVERSAL'"
                + " when " + stripped(kindColumn) + " in " + list(EARNING) + " or " + stripped(kindColumn)
                + " like 'ACTION\\_%' then 'EARN'"
                + " when " + stripped(kindColumn) + " in " + list(REDEEMING) + " then 'REDEEM'"
                + " when " + netColumn + " >= 0 then 'EARN' else 'REDEEM' end";
    }

    private static String stripped(String column) {
        return "regexp_replace(" + column + ", '^(CASHBACK|DISCOUNT)_', '')";
    }

    private static String list(Set<String> kinds) {
        return kinds.stream().sorted().map(k -> "'" + k + "'").reduce((a, b) -> a + ", " + b)
                .map(s -> "(" + s + ")").orElseThrow();
    }
}
