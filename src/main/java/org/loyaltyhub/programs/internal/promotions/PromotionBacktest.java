package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.MemberStatuses;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchaseHistory;
import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.programs.internal.EarningPolicy;
import org.loyaltyhub.programs.internal.ProgramStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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
 * The dry run: replays a promotion over the last N days of real purchases (read-only) through the same engine as the
 * live path, as if it had been active from the window's start with nothing given yet, and reports the members it
 * would have reached, what it would have cost and how its budget would have burnt day by day. Member status (tier,
 * segment) is read as it is now; the company budgets of a coalition are not simulated.
 */
@Component
public class PromotionBacktest {

    static final int MAX_DAYS = 366;
    private static final int BATCH = 5_000;

    private final PurchaseHistory history;
    private final PromotionStore store;
    private final ProgramStore programs;
    private final MemberStatuses statuses;
    private final ObjectProvider<SegmentMembers> segments;

    PromotionBacktest(PurchaseHistory history, PromotionStore store, ProgramStore programs, MemberStatuses statuses,
                      ObjectProvider<SegmentMembers> segments) {
        this.history = history;
        this.store = store;
        this.programs = programs;
        this.statuses = statuses;
        this.segments = segments;
    }

    /** One day of the replay: purchases it applied to, points it gave, and the total so far. */
    public record Day(LocalDate date, long applied, long points, long cumulative) {
    }

    public record DryRun(int days, Instant from, Instant to, long purchases, long applied, long members, long points,
                         Long budgetPoints, LocalDate budgetSpentOn, Map<PromotionEngine.Outcome, Long> outcomes,
                         List<Day> perDay, long millis) {
    }

    @Transactional(readOnly = true)
    public DryRun run(long circuitId, Promotion promotion, int days, Instant now) {
        long started = System.nanoTime();
        Promotion p = promotion.id() == null ? promotion.withId(0) : promotion;
        Instant from = now.minus(Duration.ofDays(days));
        ProgramSettings s = programs.settings(circuitId);
        ZoneId zone = store.zone(circuitId);
        boolean countsVisits = p.trigger() instanceof PromotionTrigger.OnPurchase on && on.countsVisits();
        Map<Long, Long> visits = new HashMap<>();
        if (countsVisits) {
            history.visitsBefore(circuitId, from, visits::put);
        }
        Replay replay = new Replay(circuitId, p, zone, s, visits, countsVisits);
        history.replay(circuitId, from, now, replay::add);
        replay.flush();
        List<Day> perDay = new ArrayList<>();
        long cumulative = 0;
        for (var e : replay.byDay.entrySet()) {
            cumulative += e.getValue()[1];
            perDay.add(new Day(e.getKey(), e.getValue()[0], e.getValue()[1], cumulative));
        }
        return new DryRun(days, from, now, replay.purchases, replay.applied, replay.members.size(), replay.spent,
                p.limits().budgetPoints(), replay.budgetSpentOn, replay.outcomes, perDay,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** The replay's running state: purchases are evaluated in batches (their base points read per batch). */
    private final class Replay {
        private final long circuitId;
        private final Promotion p;
        private final List<Promotion> only;
        private final ZoneId zone;
        private final java.math.BigDecimal pointsPerUnit;
        private final Map<Long, Long> visits;
        private final boolean countsVisits;
        private final List<PurchaseFacts> batch = new ArrayList<>(BATCH);
        /** Per member: the start of the limit's window their uses count in, and the uses in it. */
        private final Map<Long, long[]> uses = new HashMap<>();
        private final Map<Long, MemberStatus> status = new HashMap<>();
        private final Set<Long> members = new HashSet<>();
        private final TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        private final Map<PromotionEngine.Outcome, Long> outcomes = new EnumMap<>(PromotionEngine.Outcome.class);
        long purchases;
        long applied;
        long spent;
        LocalDate budgetSpentOn;

        Replay(long circuitId, Promotion p, ZoneId zone, ProgramSettings s, Map<Long, Long> visits, boolean countsVisits) {
            this.circuitId = circuitId;
            this.p = p;
            this.only = List.of(p);
            this.zone = zone;
            this.pointsPerUnit = PromotionCases.pointsPerUnit(s);
            this.visits = visits;
            this.countsVisits = countsVisits;
        }

        void add(PurchaseFacts f) {
            batch.add(f);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, Long> base = store.basePoints(batch.stream().map(PurchaseFacts::purchaseId).toList());
            for (PurchaseFacts f : batch) {
                evaluate(f, base.getOrDefault(f.purchaseId(), 0L));
            }
            batch.clear();
        }

        private void evaluate(PurchaseFacts f, long basePoints) {
            purchases++;
            long visit = countsVisits ? visits.merge(f.memberId(), 1L, Long::sum) : 0;
            Promotion.Target t = p.target();
            Long tierId = null;
            Set<Long> in = Set.of();
            if (!t.tierIds().isEmpty()) {
                MemberStatus.Ref tier = status.computeIfAbsent(f.memberId(), m -> statuses.of(circuitId, m)).tier();
                tierId = tier == null ? null : tier.id();
            }
            if (t.segmentId() != null) {
                SegmentMembers sm = segments.getIfAvailable();
                in = sm != null && sm.contains(circuitId, t.segmentId(), f.memberId()) ? Set.of(t.segmentId()) : Set.of();
            }
            Instant at = f.occurredAt();
            long[] u = uses.get(f.memberId());
            long window = p.limits().perMember() == null ? 0 : p.limits().period().start(at, zone).toEpochMilli();
            int memberUses = u == null || u[0] != window ? 0 : (int) u[1];
            PromotionEngine.PurchaseCase c = new PromotionEngine.PurchaseCase(f.memberId(), f.companyId(), f.storeId(),
                    f.channel(), at, zone, f.total().amount(), PromotionCases.lines(f.lines()), basePoints, visit,
                    tierId, in, pointsPerUnit, null);
            PromotionEngine.Considered result = PromotionEngine.evaluate(c, only,
                    Map.of(p.id(), new PromotionEngine.Counters(memberUses, spent))).considered().getFirst();
            outcomes.merge(result.outcome(), 1L, Long::sum);
            if (!result.applied()) {
                return;
            }
            long points = EarningPolicy.afterRefund(result.points(), f.total().amount(), f.refunded().amount());
            applied++;
            spent += points;
            members.add(f.memberId());
            uses.put(f.memberId(), new long[] {window, memberUses + 1});
            LocalDate day = LocalDate.ofInstant(at, zone);
            long[] d = byDay.computeIfAbsent(day, k -> new long[2]);
            d[0]++;
            d[1] += points;
            if (budgetSpentOn == null && p.limits().budgetPoints() != null && spent >= p.limits().budgetPoints()) {
                budgetSpentOn = day;
            }
        }
    }
}
