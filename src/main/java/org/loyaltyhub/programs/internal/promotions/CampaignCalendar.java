package org.loyaltyhub.programs.internal.promotions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * When a date or a schedule falls due, as a pure rule: the occurrence it gives today (the business key that makes it
 * give once per member), or null when today is not one of its days.
 */
public final class CampaignCalendar {

    private CampaignCalendar() {
    }

    /** Today's occurrence of the trigger, or null; for a birthday or an anniversary, whose day it is is per member. */
    public static String occurrence(PromotionTrigger trigger, LocalDate today) {
        return switch (trigger) {
            case PromotionTrigger.OnDate d -> switch (d.date()) {
                case BIRTHDAY -> "birthday:" + today.getYear();
                case ENROLMENT_ANNIVERSARY -> "anniversary:" + today.getYear();
                case FIXED_DATE -> today.equals(d.fixedDate()) ? "date:" + today : null;
            };
            case PromotionTrigger.OnSchedule s when s.every() == PromotionTrigger.Every.WEEK ->
                    today.getDayOfWeek().getValue() == s.day()
                            ? "week:" + today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                            : null;
            case PromotionTrigger.OnSchedule s -> today.getDayOfMonth() == Math.min(s.day(), today.lengthOfMonth())
                    ? "month:" + YearMonth.from(today) : null;
            default -> null;
        };
    }

    /**
     * The days a round walks for a promotion: from {@code nextDay} (the day after the last one finished; empty before
     * the promotion's first round, which does today only) to today, at most {@code catchUpDays} before today; today
     * at least, even when the last day finished is later (a clock set back).
     */
    public static List<LocalDate> daysToWalk(java.util.Optional<LocalDate> nextDay, LocalDate today, int catchUpDays) {
        LocalDate oldest = today.minusDays(catchUpDays);
        LocalDate first = nextDay.map(d -> d.isBefore(oldest) ? oldest : d).filter(d -> !d.isAfter(today)).orElse(today);
        return first.datesUntil(today.plusDays(1)).toList();
    }

    /** The days of the month whose birthdays (and anniversaries) count today: 29 counts on 28 February too. */
    public static List<Integer> daysCounted(LocalDate today) {
        if (today.getMonthValue() == 2 && today.getDayOfMonth() == 28 && !today.isLeapYear()) {
            return List.of(28, 29);
        }
        return List.of(today.getDayOfMonth());
    }
}
