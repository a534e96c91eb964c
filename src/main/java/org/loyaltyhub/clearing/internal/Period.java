package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.InvalidInput;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A clearing period: whole UTC days from {@code first} to {@code last}, both included, at most ten years. */
public record Period(LocalDate first, LocalDate last) {

    static final int MAX_DAYS = 3660;

    public Period {
        if (first == null || last == null) {
            throw new InvalidInput("from", "give the first and the last day of the period");
        }
        if (last.isBefore(first)) {
            throw new InvalidInput("to", "the last day comes on or after the first");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new InvalidInput("to", "a period spans at most ten years");
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    /**
     * The period a request names: {@code from} and {@code to} (ISO days), or a {@code month} (2026-11), or else the
     * month of {@code today}.
     */
    public static Period of(String from, String to, String month, LocalDate today) {
        try {
            if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
                return new Period(day(from, "from"), day(to, "to"));
            }
            return month(month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("month", "a month is written 2026-11");
        }
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "give both the first and the last day (2026-11-01)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "a day is written 2026-11-01");
        }
    }

    /**
     * The whole calendar months inside the period (a period from their first day to the last day of the last one),
     * or empty when it holds none: a report reads those from the monthly rows and only the days around them from
     * the daily rows.
     */
    public Optional<Period> wholeMonths() {
        LocalDate from = first.getDayOfMonth() == 1 ? first : first.plusMonths(1).withDayOfMonth(1);
        LocalDate to = last.equals(YearMonth.from(last).atEndOfMonth()) ? last : last.withDayOfMonth(1).minusDays(1);
        return to.isBefore(from) ? Optional.empty() : Optional.of(new Period(from, to));
    }

    public boolean overlaps(Period other) {
        return !first.isAfter(other.last) && !other.first.isAfter(last);
    }
}
