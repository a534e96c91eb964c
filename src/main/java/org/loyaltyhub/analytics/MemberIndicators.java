package org.loyaltyhub.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.loyaltyhub.marketing.RfmSegment;
import org.loyaltyhub.members.AgeGroup;
import org.loyaltyhub.shared.Money;

/**
 * A member's indicators (issue 14 §3). Age group, next birthday and next enrolment anniversary come from the member's
 * record on the day asked; visits, spend, the last purchase and the most visited store are counted from the member's
 * purchases when asked (not cancelled, net of refunds); the RFM scores and segment are the nightly job's, as of
 * {@link Rfm#scoredOn}. {@code ageGroup} and {@code nextBirthday} are null without a birth date; {@code rfm} is null
 * before the first nightly run or for a member who bought nothing in the last 3 years. {@code rating} is the average
 * of the verifiable review scores the member gave (review events with a rating, approved shop reviews), when asked.
 */
public record MemberIndicators(long memberId, AgeGroup ageGroup, LocalDate nextBirthday, LocalDate nextAnniversary,
                               Figures figures, Rfm rfm, Rating rating) {

    /** How many scored reviews the member gave and their average, half-up to one decimal (null without any). */
    public record Rating(long reviews, java.math.BigDecimal average) {
        public Rating {
            if (reviews < 0 || (reviews == 0) != (average == null)) {
                throw new IllegalArgumentException("an average exactly when there are reviews");
            }
        }
    }

    /**
     * Purchases over the last 12 months ({@code visits12m}, {@code mostVisitedStoreId}: the store with most visits,
     * ties to the lower id) and the last 3 years (visits, spend, last purchase), and spend per calendar year: this
     * year and the two before.
     */
    public record Figures(int visits12m, Long mostVisitedStoreId, String mostVisitedStore, int visits3y, Money spend3y,
                          List<YearSpend> years, Instant lastPurchaseAt) {
    }

    /** Spend (net of refunds) in one calendar year (UTC). */
    public record YearSpend(int year, Money spend) {
    }

    /** The quintiles (1-5) among the circuit's members who bought in the last 3 years, and the named segment. */
    public record Rfm(int recency, int frequency, int monetary, RfmSegment segment, LocalDate scoredOn) {
        public Rfm {
            if (segment != RfmGrid.of(recency, frequency, monetary)) {
                throw new IllegalArgumentException("segment " + segment + " does not match R" + recency + " F"
                        + frequency + " M" + monetary);
            }
        }
    }
}
