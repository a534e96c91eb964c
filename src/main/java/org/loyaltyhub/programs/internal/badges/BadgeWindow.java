package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.InvalidInput;

import java.time.LocalDate;

/**
 * Which points a circuit's badges count: all the points a member ever earned, those of the calendar year, or those of
 * the last {@code months} months (this month included). Months are whole UTC months, as the activity is kept.
 */
public record BadgeWindow(Kind kind, Integer months) {

    public enum Kind { LIFETIME, CALENDAR_YEAR, ROLLING_MONTHS }

    public static final BadgeWindow LIFETIME = new BadgeWindow(Kind.LIFETIME, null);

    public BadgeWindow {
        if (kind == null) {
            throw new InvalidInput("kind", "must be LIFETIME, CALENDAR_YEAR or ROLLING_MONTHS");
        }
        if (kind == Kind.ROLLING_MONTHS && (months == null || months < 1 || months > 120)) {
            throw new InvalidInput("months", "must be between 1 and 120 for ROLLING_MONTHS");
        }
        if (kind != Kind.ROLLING_MONTHS) {
            months = null;
        }
    }

    /** The first month counted on {@code today} (null: since ever). */
    public LocalDate fromMonth(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        return switch (kind) {
            case LIFETIME -> null;
            case CALENDAR_YEAR -> month.withMonth(1);
            case ROLLING_MONTHS -> month.minusMonths(months - 1L);
        };
    }

    /** True when the window moves with time, so points can leave it without any new activity. */
    public boolean moves() {
        return kind != Kind.LIFETIME;
    }

    /** "in total", "in 2026", "in 12 months": how the reasons name the window. */
    public String describe(LocalDate today) {
        return switch (kind) {
            case LIFETIME -> "in total";
            case CALENDAR_YEAR -> "in " + today.getYear();
            case ROLLING_MONTHS -> "in " + months + (months == 1 ? " month" : " months");
        };
    }
}
