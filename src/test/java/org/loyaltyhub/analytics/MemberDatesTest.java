package org.loyaltyhub.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MemberDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void aBirthdayTodayIsTodayAndOneAlreadyPastIsNextYear() {
        assertThat(MemberDates.next(LocalDate.of(1990, 6, 15), TODAY)).isEqualTo(TODAY);
        assertThat(MemberDates.next(LocalDate.of(1990, 6, 14), TODAY)).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(MemberDates.next(LocalDate.of(1990, 12, 31), TODAY)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(MemberDates.next(null, TODAY)).isNull();
    }

    @Test
    void theTwentyNinthOfFebruaryFallsOnTheTwentyEighthInYearsWithoutIt() {
        assertThat(MemberDates.next(LocalDate.of(2000, 2, 29), TODAY)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(MemberDates.next(LocalDate.of(2000, 2, 29), LocalDate.of(2028, 1, 1)))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void theFirstAnniversaryOfAnEnrolmentIsAYearAfterIt() {
        assertThat(MemberDates.nextAnniversary(TODAY, TODAY)).isEqualTo(LocalDate.of(2027, 6, 15));
        assertThat(MemberDates.nextAnniversary(LocalDate.of(2024, 6, 15), TODAY)).isEqualTo(TODAY);
        assertThat(MemberDates.nextAnniversary(LocalDate.of(2024, 3, 1), TODAY)).isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
