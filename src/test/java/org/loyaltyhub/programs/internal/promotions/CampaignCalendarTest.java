package org.loyaltyhub.programs.internal.promotions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignCalendarTest {

    static final PromotionTrigger WEEKLY_TUESDAY = new PromotionTrigger.OnSchedule(PromotionTrigger.Every.WEEK, 2);
    static final PromotionTrigger MONTHLY_31 = new PromotionTrigger.OnSchedule(PromotionTrigger.Every.MONTH, 31);

    @Test
    void aWeeklyScheduleFallsOnItsDayAndNamesTheWeek() {
        assertThat(CampaignCalendar.occurrence(WEEKLY_TUESDAY, LocalDate.parse("2026-12-01"))).isEqualTo("week:2026-W49");
        assertThat(CampaignCalendar.occurrence(WEEKLY_TUESDAY, LocalDate.parse("2026-12-02"))).isNull();
        assertThat(CampaignCalendar.occurrence(WEEKLY_TUESDAY, LocalDate.parse("2026-12-08"))).isEqualTo("week:2026-W50");
    }

    @Test
    void aMonthlyDayPastTheMonthsEndFallsOnItsLastDay() {
        assertThat(CampaignCalendar.occurrence(MONTHLY_31, LocalDate.parse("2027-02-28"))).isEqualTo("month:2027-02");
        assertThat(CampaignCalendar.occurrence(MONTHLY_31, LocalDate.parse("2026-12-30"))).isNull();
        assertThat(CampaignCalendar.occurrence(MONTHLY_31, LocalDate.parse("2026-12-31"))).isEqualTo("month:2026-12");
    }

    @Test
    void aFixedDateFallsOnlyOnThatDayAndBirthdaysOncePerYear() {
        var christmas = new PromotionTrigger.OnDate(PromotionTrigger.DateKind.FIXED_DATE, LocalDate.parse("2026-12-25"));
        assertThat(CampaignCalendar.occurrence(christmas, LocalDate.parse("2026-12-25"))).isEqualTo("date:2026-12-25");
        assertThat(CampaignCalendar.occurrence(christmas, LocalDate.parse("2027-12-25"))).isNull();
        var birthday = new PromotionTrigger.OnDate(PromotionTrigger.DateKind.BIRTHDAY, null);
        assertThat(CampaignCalendar.occurrence(birthday, LocalDate.parse("2026-03-04"))).isEqualTo("birthday:2026");
    }

    @Test
    void the29thOfFebruaryCountsOnThe28thInOtherYears() {
        assertThat(CampaignCalendar.daysCounted(LocalDate.parse("2027-02-28"))).containsExactly(28, 29);
        assertThat(CampaignCalendar.daysCounted(LocalDate.parse("2028-02-28"))).containsExactly(28);
        assertThat(CampaignCalendar.daysCounted(LocalDate.parse("2028-02-29"))).containsExactly(29);
    }

    @Test
    void aRoundWalksTheDaysSinceTheLastFinishedAtMostAWeekBackAndTodayAlways() {
        LocalDate today = LocalDate.parse("2027-03-10");
        assertThat(CampaignCalendar.daysToWalk(java.util.Optional.empty(), today, 7)).as("a first round")
                .containsExactly(today);
        assertThat(CampaignCalendar.daysToWalk(java.util.Optional.of(LocalDate.parse("2027-03-08")), today, 7))
                .containsExactly(LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-09"), today);
        assertThat(CampaignCalendar.daysToWalk(java.util.Optional.of(LocalDate.parse("2027-01-01")), today, 7))
                .as("down for months: a week back").hasSize(8).startsWith(LocalDate.parse("2027-03-03"));
        assertThat(CampaignCalendar.daysToWalk(java.util.Optional.of(LocalDate.parse("2027-04-01")), today, 7))
                .as("a clock set back").containsExactly(today);
    }
}
