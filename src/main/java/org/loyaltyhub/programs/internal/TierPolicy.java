package org.loyaltyhub.programs.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.loyaltyhub.programs.TierStanding.Basis;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a circuit's members qualify for its tiers and lose them: what counts ({@code basis}), over which window
 * (lifetime, the calendar year, the last N months), and when a member below their tier's threshold moves down
 * (never, at the end of the qualifying period, or after N months below), with grace days added to the date a tier
 * is kept until. {@code bonusPoints}: which bonus points count as points earned besides those of purchases,
 * actions and manual adjustments (none unless chosen): promotions', referrals' (rewards and multi-level commissions).
 * Points earned are what member activity counts for tiers, badges and scores, from the change on (past months stay).
 */
public record TierPolicy(@NotNull Basis basis, @NotNull Window window, @Min(1) @Max(36) Integer windowMonths,
                         @NotNull Downgrade downgrade, @Min(1) @Max(36) Integer belowMonths,
                         @Min(0) @Max(365) int graceDays,
                         @Schema(description = "Bonus points that count as points earned (tiers, badges, scores) "
                                 + "besides purchases, actions and manual adjustments: PROMOTIONS, REFERRALS (referral "
                                 + "rewards and multi-level). Empty or absent: none, the default")
                         Set<BonusPoints> bonusPoints) {

    public enum Window { LIFETIME, CALENDAR_YEAR, ROLLING_MONTHS }

    public enum Downgrade { NEVER, END_OF_PERIOD, AFTER_MONTHS_BELOW }

    /** Bonus points a circuit may count as earned, with the journal entry kinds that give them and take them back. */
    public enum BonusPoints {
        PROMOTIONS(Set.of("PROMOTION", "PROMOTION_REVERSAL")),
        REFERRALS(Set.of("REFERRAL_REFERRER", "REFERRAL_FRIEND", "REFERRAL_REVERSAL", "MULTI_LEVEL",
                "MULTI_LEVEL_REVERSAL"));

        private final Set<String> kinds;

        BonusPoints(Set<String> kinds) {
            this.kinds = kinds;
        }

        /** The bonus an entry kind gives or takes back; null for any other kind. */
        public static BonusPoints of(String kind) {
            for (BonusPoints b : values()) {
                if (b.kinds.contains(kind)) {
                    return b;
                }
            }
            return null;
        }
    }

    /** A circuit that has not chosen: points earned in the calendar year, kept until the end of the next one. */
    public static final TierPolicy DEFAULT = new TierPolicy(Basis.POINTS_EARNED, Window.CALENDAR_YEAR, null,
            Downgrade.END_OF_PERIOD, null, 0, Set.of());

    public TierPolicy {
        windowMonths = window == Window.ROLLING_MONTHS ? windowMonths : null;
        belowMonths = downgrade == Downgrade.AFTER_MONTHS_BELOW ? belowMonths : null;
        bonusPoints = bonusPoints == null || bonusPoints.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bonusPoints));
    }

    /** Whether the points of an entry of this kind (a bonus) count as points earned. */
    public boolean counts(BonusPoints bonus) {
        return bonus != null && bonusPoints.contains(bonus);
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
