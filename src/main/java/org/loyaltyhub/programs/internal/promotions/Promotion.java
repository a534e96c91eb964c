package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A promotion: a rule of the circuit that awards points when its trigger fires for a member it targets, inside its
 * validity interval, within its limits; promotions are considered in a fixed order (priority number, then id) and
 * each says whether it stacks with others. Every part checks its own invariants when it is built, so a promotion
 * that exists is a valid one.
 */
public record Promotion(Long id, String name, Status status, Validity validity, Target target,
                        PromotionTrigger trigger, PromotionEffect effect, Limits limits, int priority,
                        Stacking stacking) {

    public static final int MAX_PRIORITY = 1_000_000;

    public Promotion {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new InvalidInput("name", "is required, at most 120 characters");
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new InvalidInput("priority", "must be between 0 and " + MAX_PRIORITY + " (lower is considered first)");
        }
        if (status == null) {
            status = Status.DRAFT;
        }
        if (stacking == null) {
            stacking = Stacking.STACKABLE;
        }
        if (target == null) {
            target = Target.ALL;
        }
        if (limits == null) {
            limits = Limits.NONE;
        }
        if (validity == null) {
            throw new InvalidInput("validFrom", "is required");
        }
        if (trigger == null) {
            throw new InvalidInput("trigger", "is required");
        }
        if (effect == null) {
            throw new InvalidInput("effect", "is required");
        }
        if (effect.kind().funnelOnly()) {
            throw new InvalidInput("effect.type", effect.kind() + " is for funnels, which send it once per member "
                    + "and occurrence");
        }
        boolean purchase = trigger.kind() == PromotionTrigger.Kind.PURCHASE;
        if (purchase ? !effect.kind().onPurchase() : !effect.kind().offPurchase()) {
            throw new InvalidInput("effect.type", effect.kind() + (purchase ? " is for events, dates and schedules, "
                    + "not purchases" : " needs a purchase; use FIXED_POINTS"));
        }
    }

    public Promotion withId(long newId) {
        return new Promotion(newId, name, status, validity, target, trigger, effect, limits, priority, stacking);
    }

    public Promotion withStatus(Status newStatus) {
        return new Promotion(id, name, newStatus, validity, target, trigger, effect, limits, priority, stacking);
    }

    /** Considered by the live path only when active; drafts are what dry runs and simulations try. */
    public enum Status {
        DRAFT, ACTIVE, PAUSED
    }

    /** A stackable promotion adds to the others that apply; an exclusive one applies alone or not at all. */
    public enum Stacking {
        STACKABLE, EXCLUSIVE
    }

    /** From {@code from} (included) until {@code until} (excluded; null: open-ended). */
    public record Validity(Instant from, Instant until) {
        public Validity {
            if (from == null) {
                throw new InvalidInput("validFrom", "is required");
            }
            if (until != null && !until.isAfter(from)) {
                throw new EndBeforeStart(from, until);
            }
        }

        public boolean contains(Instant t) {
            return !t.isBefore(from) && (until == null || t.isBefore(until));
        }
    }

    /**
     * Whom and where: a segment of members, members of some tiers, purchases at some stores, of some companies or
     * through some channels ({@code pos}, {@code api}, {@code shopify}: a platform's name matches each of its shops).
     * Empty parts do not restrict; every part given must hold.
     */
    public record Target(Long segmentId, Set<Long> tierIds, Set<Long> storeIds, Set<Long> companyIds,
                         Set<String> channels) {

        public static final Target ALL = new Target(null, Set.of(), Set.of(), Set.of(), Set.of());
        private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,40}(:[a-z0-9_-]{1,40})?");

        public Target {
            tierIds = tierIds == null ? Set.of() : Set.copyOf(tierIds);
            storeIds = storeIds == null ? Set.of() : Set.copyOf(storeIds);
            companyIds = companyIds == null ? Set.of() : Set.copyOf(companyIds);
            channels = channels == null ? Set.of() : Set.copyOf(channels);
            for (String c : channels) {
                if (!CHANNEL.matcher(c).matches()) {
                    throw new InvalidInput("target.channels", "'" + c + "' is not a channel name like pos, api or shopify");
                }
            }
        }

        public boolean everyone() {
            return segmentId == null && tierIds.isEmpty() && storeIds.isEmpty() && companyIds.isEmpty()
                    && channels.isEmpty();
        }

        /** Whether a purchase's channel is one of these: the exact name, or its platform before the colon. */
        public boolean channelMatches(String channel) {
            if (channels.isEmpty()) {
                return true;
            }
            if (channel == null) {
                return false;
            }
            int colon = channel.indexOf(':');
            return channels.contains(channel) || (colon > 0 && channels.contains(channel.substring(0, colon)));
        }
    }

    /** How often a promotion gives to the same member, and how many points it may give in all (null: no limit). */
    public record Limits(Integer perMember, Period period, Long budgetPoints) {

        public static final Limits NONE = new Limits(null, null, null);
        public static final long MAX_BUDGET = 1_000_000_000_000L;

        public Limits {
            if (perMember != null && (perMember < 1 || perMember > 10_000)) {
                throw new InvalidInput("limits.perMember", "must be between 1 and 10000 (empty: no limit)");
            }
            if (perMember != null && period == null) {
                period = Period.EVER;
            }
            if (perMember == null && period != null) {
                throw new InvalidInput("limits.perMember", "is required with a period");
            }
            if (budgetPoints != null && (budgetPoints < 1 || budgetPoints > MAX_BUDGET)) {
                throw new InvalidInput("limits.budgetPoints", "must be between 1 and " + MAX_BUDGET + " (empty: no budget)");
            }
        }

        /** Whether deciding needs the promotion's counters (and their lock). */
        public boolean any() {
            return perMember != null || budgetPoints != null;
        }
    }

    /** The window a per-member limit counts in: ever, or the calendar day, week (from Monday) or month. */
    public enum Period {
        EVER, DAY, WEEK, MONTH;

        /** Where the window holding {@code t} starts, in the circuit's time zone. */
        public Instant start(Instant t, ZoneId zone) {
            LocalDate day = LocalDate.ofInstant(t, zone);
            return switch (this) {
                case EVER -> Instant.EPOCH;
                case DAY -> day.atStartOfDay(zone).toInstant();
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
                case MONTH -> day.withDayOfMonth(1).atStartOfDay(zone).toInstant();
            };
        }
    }

    /** The promotion's end is not after its start. */
    public static final class EndBeforeStart extends InvalidInput {
        public EndBeforeStart(Instant from, Instant until) {
            super("validUntil", "must be after the start (" + from + "), not " + until);
        }
    }
}
