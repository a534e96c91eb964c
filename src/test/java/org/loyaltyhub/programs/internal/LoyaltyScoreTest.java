package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoyaltyScoreTest {

    @Test
    void aMemberWhoBoughtTodayMonthlyForTwoYearsScoresOneHundred() {
        assertThat(LoyaltyScore.of(0, 12, 24).total()).isEqualTo(100);
    }

    @Test
    void aNewMemberWhoNeverBoughtScoresZero() {
        assertThat(LoyaltyScore.of(null, 0, 0)).isEqualTo(new LoyaltyScore(0, 0, 0));
    }

    @Test
    void eachPartIsItsShareOfItsWeightRoundedDown() {
        // recency 40 × 325/365 = 35.6, frequency 35 × 1/12 = 2.9, tenure 25 × 1/24 = 1.04
        assertThat(LoyaltyScore.of(40, 1, 1)).isEqualTo(new LoyaltyScore(35, 2, 1));
        assertThat(LoyaltyScore.of(40, 1, 1).total()).isEqualTo(38);
        // recency 40 × 182/365 = 19.9, frequency 35 × 6/12 = 17.5, tenure 25 × 12/24 = 12.5
        assertThat(LoyaltyScore.of(183, 6, 12)).isEqualTo(new LoyaltyScore(19, 17, 12));
    }

    @Test
    void eachPartStopsAtItsCap() {
        assertThat(LoyaltyScore.of(365, 12, 24)).isEqualTo(new LoyaltyScore(0, 35, 25));
        assertThat(LoyaltyScore.of(1000, 250, 300)).isEqualTo(new LoyaltyScore(0, 35, 25));
    }

    @Test
    void aPartBeyondItsWeightCannotBeBuilt() {
        assertThatThrownBy(() -> new LoyaltyScore(41, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoyaltyScore(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScoreCountsTheMonthOfTheDayAndTheElevenBefore() {
        assertThat(ScoreJobs.windowStart(LocalDate.of(2027, 1, 9))).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(ScoreJobs.windowStart(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
    }
}
