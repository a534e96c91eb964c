package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.MemberStatuses;
import org.loyaltyhub.programs.SegmentMembers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A dry run's running count, whatever it replays (purchases, events, dates): each member's uses in the limit's window,
 * the points given so far (what the budget is checked against), the members reached, the outcomes, and the points day
 * by day. The member's tier and segment are read as they are now, once per member.
 */
final class DryRunTally {

    private final long circuitId;
    private final Promotion p;
    private final ZoneId zone;
    private final MemberStatuses statuses;
    private final SegmentMembers segments;
    /** Per member: the start of the limit's window their uses count in, and the uses in it. */
    private final Map<Long, long[]> uses = new HashMap<>();
    private final Map<Long, Long> tiers = new HashMap<>();
    private final Map<Long, Boolean> inSegment = new HashMap<>();
    private final Set<Long> members = new HashSet<>();
    private final TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
    private final Map<PromotionEngine.Outcome, Long> outcomes = new EnumMap<>(PromotionEngine.Outcome.class);
    private long replayed;
    private long applied;
    private long spent;
    private LocalDate budgetSpentOn;

    DryRunTally(long circuitId, Promotion p, ZoneId zone, MemberStatuses statuses, SegmentMembers segments) {
        this.circuitId = circuitId;
        this.p = p;
        this.zone = zone;
        this.statuses = statuses;
        this.segments = segments;
    }

    /** The member's tier when the promotion targets tiers (null otherwise, or without a tier). */
    Long tier(long memberId) {
        if (p.target().tierIds().isEmpty()) {
            return null;
        }
        return tiers.computeIfAbsent(memberId, m -> {
            MemberStatus.Ref tier = statuses.of(circuitId, m).tier();
            return tier == null ? null : tier.id();
        });
    }

    /** The promotion's segment when the member is in it now; empty otherwise. */
    Set<Long> segments(long memberId) {
        Long segment = p.target().segmentId();
        if (segment == null) {
            return Set.of();
        }
        boolean in = inSegment.computeIfAbsent(memberId,
                m -> segments != null && segments.contains(circuitId, segment, m));
        return in ? Set.of(segment) : Set.of();
    }

    /** The promotion's counters for the member at {@code at}: uses in the window holding it, points given so far. */
    Map<Long, PromotionEngine.Counters> counters(long memberId, Instant at) {
        return Map.of(p.id(), new PromotionEngine.Counters(memberUses(memberId, at), spent));
    }

    private int memberUses(long memberId, Instant at) {
        long[] u = uses.get(memberId);
        return u == null || u[0] != window(at) ? 0 : (int) u[1];
    }

    private long window(Instant at) {
        return p.limits().perMember() == null ? 0 : p.limits().period().start(at, zone).toEpochMilli();
    }

    /** Counts one thing replayed and what the engine decided for it; {@code points} what it would have given. */
    void count(long memberId, Instant at, PromotionEngine.Considered result, long points) {
        replayed++;
        outcomes.merge(result.outcome(), 1L, Long::sum);
        if (!result.applied()) {
            return;
        }
        applied++;
        spent += points;
        members.add(memberId);
        uses.put(memberId, new long[] {window(at), memberUses(memberId, at) + 1});
        LocalDate day = LocalDate.ofInstant(at, zone);
        long[] d = byDay.computeIfAbsent(day, k -> new long[2]);
        d[0]++;
        d[1] += points;
        if (budgetSpentOn == null && p.limits().budgetPoints() != null && spent >= p.limits().budgetPoints()) {
            budgetSpentOn = day;
        }
    }

    PromotionBacktest.DryRun result(PromotionBacktest.Replayed what, int days, Instant from, Instant to, long started) {
        List<PromotionBacktest.Day> perDay = new ArrayList<>();
        long cumulative = 0;
        for (var e : byDay.entrySet()) {
            cumulative += e.getValue()[1];
            perDay.add(new PromotionBacktest.Day(e.getKey(), e.getValue()[0], e.getValue()[1], cumulative));
        }
        long purchases = what == PromotionBacktest.Replayed.PURCHASES ? replayed : 0;
        return new PromotionBacktest.DryRun(days, from, to, what, purchases, replayed, applied, members.size(), spent,
                p.limits().budgetPoints(), budgetSpentOn, outcomes, perDay,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
