package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.TierStanding.Basis;
import org.loyaltyhub.programs.internal.TierPolicy.Downgrade;
import org.loyaltyhub.programs.internal.TierPolicy.Window;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The tier rules, pure: which tier a member's activity qualifies for, whether they move up (at once) or down (by the
 * circuit's downgrade rule), until when a tier is kept, when the member must be looked at again, and the sentence
 * that explains a change ("Gold since 2026-03-02: 1,520 points in 12 months"). A manual tier overrides the computed
 * one until its last day.
 */
public final class TierRules {

    private TierRules() {
    }

    /** The member's computed tier now: null tier id for none. */
    public record Held(Long tierId, LocalDate since, LocalDate keptUntil, LocalDate belowSince) {
        public static final Held NONE = new Held(null, null, null, null);
    }

    public enum Change { NONE, UP, DOWN }

    /**
     * What the rules decided: the computed tier after it and its dates. {@code counted} is the activity that decided
     * it and {@code countedIn} the period it counts ({@code "in 12 months"}).
     */
    public record Decision(Change change, Long tierId, LocalDate since, LocalDate keptUntil, LocalDate belowSince,
                           BigDecimal counted, String countedIn) {

        Held held() {
            return new Held(tierId, since, keptUntil, belowSince);
        }
    }

    /** The tiers from the lowest threshold to the highest. */
    public static List<Tier> ordered(List<Tier> tiers) {
        return tiers.stream().sorted(Comparator.comparing(Tier::threshold)).toList();
    }

    /** The highest tier whose threshold {@code counted} reaches; null for none. {@code tiers} are {@link #ordered}. */
    public static Tier qualified(List<Tier> tiers, BigDecimal counted) {
        Tier best = null;
        for (Tier t : tiers) {
            if (counted.compareTo(t.threshold()) >= 0) {
                best = t;
            }
        }
        return best;
    }

    /** The first month the window counts today (null: every month). */
    public static LocalDate windowStart(TierPolicy p, LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        return switch (p.window()) {
            case LIFETIME -> null;
            case CALENDAR_YEAR -> today.withDayOfYear(1);
            case ROLLING_MONTHS -> month.minusMonths(p.windowMonths() - 1L);
        };
    }

    /**
     * The first month of the period before the current one, when a move down at the period's end looks at it (a
     * calendar year kept through the next); null otherwise.
     */
    public static LocalDate previousPeriodStart(TierPolicy p, LocalDate today) {
        return p.window() == Window.CALENDAR_YEAR && p.downgrade() == Downgrade.END_OF_PERIOD
                ? today.withDayOfYear(1).minusYears(1) : null;
    }

    /** What the basis counts of a member's activity. */
    public static BigDecimal counted(Basis basis, Activity.Totals totals) {
        return switch (basis) {
            case POINTS_EARNED -> BigDecimal.valueOf(totals.points());
            case AMOUNT_SPENT -> totals.spent();
            case VISITS -> BigDecimal.valueOf(totals.purchases());
        };
    }

    /**
     * Decides the member's computed tier today. {@code now} is what the current window counts; {@code previous} what
     * the previous period counted (see {@link #previousPeriodStart}; zero when not used).
     */
    public static Decision decide(TierPolicy p, List<Tier> tiers, Held held, BigDecimal now, BigDecimal previous,
                                  LocalDate today) {
        List<Tier> ordered = ordered(tiers);
        Tier current = find(ordered, held.tierId());
        Tier reached = qualified(ordered, now);
        String in = periodText(p, today);
        int heldRank = rank(ordered, current);
        int nowRank = rank(ordered, reached);
        if (nowRank > heldRank) {
            return new Decision(Change.UP, reached.id(), today, keepUntil(p, today), null, now, in);
        }
        if (nowRank == heldRank) {
            LocalDate kept = current == null ? null : keepUntil(p, today);
            return new Decision(Change.NONE, current == null ? null : current.id(),
                    current == null ? null : held.since(), kept, null, now, in);
        }
        return switch (p.downgrade()) {
            case NEVER -> new Decision(Change.NONE, current.id(), held.since(), null, null, now, in);
            case END_OF_PERIOD -> atPeriodEnd(p, ordered, held, current, reached, now, previous, today);
            case AFTER_MONTHS_BELOW -> afterMonthsBelow(p, held, current, reached, now, today);
        };
    }

    private static Decision atPeriodEnd(TierPolicy p, List<Tier> ordered, Held held, Tier current, Tier reached,
                                        BigDecimal now, BigDecimal previous, LocalDate today) {
        LocalDate kept = held.keptUntil() != null ? held.keptUntil() : endOfPeriod(p, today).plusDays(p.graceDays());
        if (!today.isAfter(kept)) {
            return new Decision(Change.NONE, current.id(), held.since(), kept, null, now, periodText(p, today));
        }
        Tier byPrevious = previousPeriodStart(p, today) == null ? null : qualified(ordered, previous);
        if (rank(ordered, byPrevious) > rank(ordered, reached)) {
            return new Decision(Change.DOWN, byPrevious.id(), today, endOfPeriod(p, today).plusDays(p.graceDays()),
                    null, previous, "in " + (today.getYear() - 1));
        }
        return new Decision(Change.DOWN, reached == null ? null : reached.id(), today,
                reached == null ? null : keepUntil(p, today), null, now, periodText(p, today));
    }

    private static Decision afterMonthsBelow(TierPolicy p, Held held, Tier current, Tier reached, BigDecimal now,
                                             LocalDate today) {
        LocalDate below = held.belowSince() != null ? held.belowSince() : today;
        LocalDate kept = below.plusMonths(p.belowMonths()).minusDays(1).plusDays(p.graceDays());
        if (!today.isAfter(kept)) {
            return new Decision(Change.NONE, current.id(), held.since(), kept, below, now, periodText(p, today));
        }
        return new Decision(Change.DOWN, reached == null ? null : reached.id(), today, null, null, now,
                periodText(p, today));
    }

    /**
     * Until when a tier the member qualifies for today is kept (null: while they qualify, or for ever): to the end
     * of the next period when tiers move down at a period's end, grace days included.
     */
    static LocalDate keepUntil(TierPolicy p, LocalDate today) {
        if (p.downgrade() != Downgrade.END_OF_PERIOD) {
            return null;
        }
        return switch (p.window()) {
            case LIFETIME -> null;
            case CALENDAR_YEAR -> LocalDate.of(today.getYear() + 1, 12, 31).plusDays(p.graceDays());
            case ROLLING_MONTHS -> today.withDayOfMonth(1).plusMonths(p.windowMonths() + 1L).minusDays(1)
                    .plusDays(p.graceDays());
        };
    }

    private static LocalDate endOfPeriod(TierPolicy p, LocalDate today) {
        return p.window() == Window.CALENDAR_YEAR ? LocalDate.of(today.getYear(), 12, 31)
                : today.withDayOfMonth(1).plusMonths(1).minusDays(1);
    }

    /** Whether the manual tier is in force today. */
    public static boolean manualInForce(Long manualTierId, LocalDate manualUntil, LocalDate today) {
        return manualTierId != null && (manualUntil == null || !today.isAfter(manualUntil));
    }

    /**
     * The next day the member must be looked at without any activity of theirs: when their tier's keep ends, when
     * their window moves (a new month or year) while they hold a tier that can move down, or when a manual tier ends;
     * null when nothing can change by time alone.
     */
    public static LocalDate reviewOn(TierPolicy p, Decision d, LocalDate manualUntil, LocalDate today) {
        LocalDate next = null;
        if (d.keptUntil() != null) {
            next = d.keptUntil().plusDays(1);
        }
        if (d.tierId() != null && p.downgrade() != Downgrade.NEVER && p.window() != Window.LIFETIME) {
            LocalDate moves = p.window() == Window.CALENDAR_YEAR ? LocalDate.of(today.getYear() + 1, 1, 1)
                    : today.withDayOfMonth(1).plusMonths(1);
            next = earliest(next, moves);
        }
        if (manualUntil != null && !manualUntil.isBefore(today)) {
            next = earliest(next, manualUntil.plusDays(1));
        }
        return next;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** "Gold since 2026-03-02: 1,520 points in 12 months" (for a move down, the threshold it fell below). */
    public static String explain(Decision d, Tier to, Tier from, Basis basis, String currency) {
        String counted = amount(basis, d.counted(), currency) + " " + d.countedIn();
        String name = to == null ? "No tier" : to.nameEn();
        String text = name + " since " + d.since() + ": " + counted;
        if (d.change() == Change.DOWN && from != null) {
            text += ", below " + from.nameEn() + "'s " + amount(basis, from.threshold(), currency);
        }
        return d.keptUntil() == null ? text : text + " (kept until " + d.keptUntil() + ")";
    }

    /** "1,520 points", "1,520.00 EUR spent", "15 visits". */
    public static String amount(Basis basis, BigDecimal value, String currency) {
        return switch (basis) {
            case POINTS_EARNED -> String.format(Locale.ENGLISH, "%,d points", value.longValue());
            case AMOUNT_SPENT -> String.format(Locale.ENGLISH, "%,.2f %s spent",
                    value.setScale(2, RoundingMode.HALF_UP), Objects.requireNonNullElse(currency, ""));
            case VISITS -> String.format(Locale.ENGLISH, "%,d visit%s", value.longValue(),
                    value.compareTo(BigDecimal.ONE) == 0 ? "" : "s");
        };
    }

    /** "in 12 months", "in 2026", "in total". */
    public static String periodText(TierPolicy p, LocalDate today) {
        return switch (p.window()) {
            case LIFETIME -> "in total";
            case CALENDAR_YEAR -> "in " + today.getYear();
            case ROLLING_MONTHS -> "in " + p.windowMonths() + (p.windowMonths() == 1 ? " month" : " months");
        };
    }

    /** The next tier above the one in force, and what is missing to reach it; null at the top. */
    public record Progress(Tier next, BigDecimal missing, int percent) {
    }

    public static Progress progress(List<Tier> tiers, Tier inForce, BigDecimal counted) {
        List<Tier> ordered = ordered(tiers);
        int rank = rank(ordered, inForce);
        for (int i = rank + 1; i < ordered.size(); i++) {
            Tier next = ordered.get(i);
            if (next.threshold().compareTo(counted) > 0) {
                int percent = next.threshold().signum() == 0 ? 100 : counted.max(BigDecimal.ZERO)
                        .multiply(BigDecimal.valueOf(100)).divide(next.threshold(), 0, RoundingMode.DOWN).intValue();
                return new Progress(next, next.threshold().subtract(counted), Math.min(percent, 99));
            }
        }
        return null;
    }

    /** The tier of {@code tiers} with this id; null for none or a tier no longer there. */
    public static Tier find(List<Tier> tiers, Long id) {
        return id == null ? null : tiers.stream().filter(t -> id.equals(t.id())).findFirst().orElse(null);
    }

    private static int rank(List<Tier> ordered, Tier t) {
        return t == null ? -1 : ordered.indexOf(t);
    }
}
