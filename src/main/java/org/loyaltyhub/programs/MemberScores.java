package org.loyaltyhub.programs;

import java.time.LocalDate;

/**
 * A member's indicators as the nightly job last computed them: the score (points earned in the last 12 months) and
 * the loyalty score (0-100, from recency, frequency and tenure; see the README for the formula).
 */
public interface MemberScores {

    Scores of(long circuitId, long memberId);

    /**
     * The figures and what they come from; {@code computedOn} is the day they were computed for (null: not yet),
     * {@code daysSinceLastPurchase} null when the member never bought.
     */
    record Scores(long score, int loyaltyScore, Integer daysSinceLastPurchase, int purchasesIn12Months,
                  int monthsSinceEnrolment, LocalDate computedOn) {

        public static final Scores NONE = new Scores(0, 0, null, 0, 0, null);
    }
}
