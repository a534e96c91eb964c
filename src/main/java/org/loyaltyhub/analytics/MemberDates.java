package org.loyaltyhub.analytics;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The next return of a yearly date (a birthday, an enrolment anniversary) on or after a day. A 29 February falls on
 * 28 February in years that have none.
 */
public final class MemberDates {

    private MemberDates() {
    }

    /** The first day on or after {@code today} that is {@code origin}'s day of the year; null without an origin. */
    public static LocalDate next(LocalDate origin, LocalDate today) {
        if (origin == null) {
            return null;
        }
        MonthDay day = MonthDay.from(origin);
        LocalDate thisYear = day.atYear(today.getYear());
        return thisYear.isBefore(today) ? day.atYear(today.getYear() + 1) : thisYear;
    }

    /** The next anniversary of an enrolment: the first one after the enrolment day, on or after {@code today}. */
    public static LocalDate nextAnniversary(LocalDate enrolled, LocalDate today) {
        LocalDate next = next(enrolled, today);
        return next.getYear() == enrolled.getYear() ? MonthDay.from(enrolled).atYear(enrolled.getYear() + 1) : next;
    }
}
