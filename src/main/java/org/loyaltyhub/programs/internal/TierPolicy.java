package org.loyaltyhub.programs.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.loyaltyhub.programs.TierStanding.Basis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a circuit's members qualify for its tiers and lose them: what counts ({@code basis}), over which window
 * (lifetime, the calendar year, the last N months), and when a member below their tier's threshold moves down
 * (never, at the end of the qualifying period, or after N months below), with grace days added to the date a tier
 * is kept until.
 */
public record TierPolicy(@NotNull Basis basis, @NotNull Window window, @Min(1) @Max(36) Integer windowMonths,
                         @NotNull Downgrade downgrade, @Min(1) @Max(36) Integer belowMonths,
                         @Min(0) @Max(365) int graceDays) {

    public enum Window { LIFETIME, CALENDAR_YEAR, ROLLING_MONTHS }

    public enum Downgrade { NEVER, END_OF_PERIOD, AFTER_MONTHS_BELOW }

    /** A circuit that has not chosen: points earned in the calendar year, kept until the end of the next one. */
    public static final TierPolicy DEFAULT = new TierPolicy(Basis.POINTS_EARNED, Window.CALENDAR_YEAR, null,
            Downgrade.END_OF_PERIOD, null, 0);

    public TierPolicy {
        windowMonths = window == Window.ROLLING_MONTHS ? windowMonths : null;
        belowMonths = downgrade == Downgrade.AFTER_MONTHS_BELOW ? belowMonths : null;
    }

    /** The rules that tie fields together, one message per field (empty: none broken). */
    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (window == Window.ROLLING_MONTHS && windowMonths == null) {
            errors.put("windowMonths", "is required for a rolling window (1 to 36 months)");
        }
        if (downgrade == Downgrade.AFTER_MONTHS_BELOW && belowMonths == null) {
            errors.put("belowMonths", "is required to move down after months below (1 to 36)");
        }
        if (downgrade == Downgrade.END_OF_PERIOD && window == Window.LIFETIME) {
            errors.put("downgrade", "a lifetime window has no period end: choose NEVER or AFTER_MONTHS_BELOW");
        }
        return errors;
    }

    /** Whether thresholds must be whole numbers (points and visits) rather than amounts. */
    boolean countsWholeUnits() {
        return basis != Basis.AMOUNT_SPENT;
    }
}
