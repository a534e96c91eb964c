package org.loyaltyhub.programs.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The dates of a membership, as pure rules: how long a plan's period lasts, where a new sale's period starts (a
 * renewal of a membership still in force extends it from its current end; otherwise it starts now), when the
 * renewal reminder is due, and what a refunded sale takes back.
 */
public final class MembershipTerm {

    /** How long before the end the renewal reminder is published. */
    public static final Duration REMINDER = Duration.ofDays(7);

    private MembershipTerm() {
    }

    /** The months one sale of a plan buys: 1 for monthly, 12 for yearly, the plan's months for a one-off plan. */
    public static int months(PlanPeriod period, Integer months) {
        return switch (period) {
            case MONTHLY -> 1;
            case YEARLY -> 12;
            case FIXED_MONTHS -> {
                if (months == null || months < 1 || months > PlanPeriod.MAX_MONTHS) {
                    throw new IllegalArgumentException("a one-off plan lasts 1 to " + PlanPeriod.MAX_MONTHS
                            + " months: " + months);
                }
                yield months;
            }
        };
    }

    /** The end of a period of {@code months} calendar months (UTC) from {@code from}; 31 January + 1 month = 28/29 February. */
    public static Instant end(Instant from, int months) {
        return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** What a sale buys: the period from–to, and whether it starts a membership or renews one. */
    public record Period(Instant from, Instant to, boolean renewal) {
    }

    /**
     * The period a sale of a plan buys at {@code now}. {@code currentEnd} is the end of the member's membership in
     * force in the same plan (null: none, or another plan): a renewal extends from it, with nothing lost.
     */
    public static Period next(Instant currentEnd, Instant now, int months) {
        if (currentEnd != null && currentEnd.isAfter(now)) {
            return new Period(currentEnd, end(currentEnd, months), true);
        }
        return new Period(now, end(now, months), false);
    }

    /** When the renewal reminder of a membership ending at {@code end} is due. */
    public static Instant reminderDue(Instant end) {
        return end.minus(REMINDER);
    }

    /** What a refunded (or cancelled) sale does to its membership. */
    public sealed interface Refund {
        /** The membership keeps going, to this earlier end. */
        record Shortened(Instant end) implements Refund {
        }

        /** The membership ends now: nothing paid is left of it. */
        record Ends() implements Refund {
        }
    }

    /**
     * A refunded sale takes back the time it bought: the end moves back by the sale's period; when that leaves
     * nothing from {@code now} on (the refunded sale started the membership, or the rest has run out), the membership
     * ends now.
     */
    public static Refund refund(Instant currentEnd, Instant saleFrom, Instant saleTo, Instant now) {
        Instant end = currentEnd.minus(Duration.between(saleFrom, saleTo));
        return end.isAfter(now) ? new Refund.Shortened(end) : new Refund.Ends();
    }
}
