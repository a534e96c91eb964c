package org.loyaltyhub.programs.internal;

/**
 * The loyalty score, 0 to 100: how recently, how often and for how long a member has bought, whatever their tier.
 * Three parts, each a share of its weight rounded down, then added:
 * <ul>
 *   <li>recency, weight 40: {@code 40 × (365 − min(days since the last purchase, 365)) ÷ 365}; 0 when never bought;</li>
 *   <li>frequency, weight 35: {@code 35 × min(purchases in 12 months, 12) ÷ 12};</li>
 *   <li>tenure, weight 25: {@code 25 × min(months since enrolment, 24) ÷ 24}.</li>
 * </ul>
 */
public record LoyaltyScore(int recency, int frequency, int tenure) {

    public static final int RECENCY_WEIGHT = 40;
    public static final int RECENCY_CAP_DAYS = 365;
    public static final int FREQUENCY_WEIGHT = 35;
    public static final int FREQUENCY_CAP = 12;
    public static final int TENURE_WEIGHT = 25;
    public static final int TENURE_CAP_MONTHS = 24;

    public LoyaltyScore {
        if (recency < 0 || recency > RECENCY_WEIGHT || frequency < 0 || frequency > FREQUENCY_WEIGHT || tenure < 0
                || tenure > TENURE_WEIGHT) {
            throw new IllegalArgumentException("a part beyond its weight: " + recency + ", " + frequency + ", " + tenure);
        }
    }

    /**
     * The score of a member who last bought {@code daysSinceLastPurchase} days ago (null: never), bought
     * {@code purchases} times in 12 months and enrolled {@code months} full months ago.
     */
    public static LoyaltyScore of(Integer daysSinceLastPurchase, long purchases, long months) {
        int recency = daysSinceLastPurchase == null ? 0
                : share(RECENCY_WEIGHT, RECENCY_CAP_DAYS - clamp(daysSinceLastPurchase, RECENCY_CAP_DAYS), RECENCY_CAP_DAYS);
        return new LoyaltyScore(recency, share(FREQUENCY_WEIGHT, clamp(purchases, FREQUENCY_CAP), FREQUENCY_CAP),
                share(TENURE_WEIGHT, clamp(months, TENURE_CAP_MONTHS), TENURE_CAP_MONTHS));
    }

    public int total() {
        return recency + frequency + tenure;
    }

    private static long clamp(long value, long cap) {
        return Math.min(Math.max(value, 0), cap);
    }

    private static int share(int weight, long part, long whole) {
        return (int) (weight * part / whole);
    }
}
