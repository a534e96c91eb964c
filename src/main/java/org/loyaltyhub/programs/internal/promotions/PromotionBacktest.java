package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.Ledger;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dry run: replays a promotion over the last N days (read-only) through the same engine as the live path, as if it
 * had been active from the window's start with nothing given yet, and reports the members it would have reached, what
 * it would have cost and how its budget would have burnt day by day. A purchase promotion replays the purchases, an
 * event promotion the events of its type received, a date or schedule promotion its days in the window (the members
 * each day reaches, as the daily job would). Member status (tier, segment) and, for removing or setting points, the
 * balance are read as they are now; the company budgets of a coalition are not simulated.
 */
@Component
public class PromotionBacktest {

    static final int MAX_DAYS = 366;
    private static final int BATCH = 5_000;

    private final PurchaseHistory history;
    private final PromotionStore store;
    private final OccasionStore occasions;
    private final ProgramStore programs;
    private final MemberStatuses statuses;
    private final ObjectProvider<SegmentMembers> segments;
    private final Ledger ledger;

    PromotionBacktest(PurchaseHistory history, PromotionStore store, OccasionStore occasions, ProgramStore programs,
                      MemberStatuses statuses, ObjectProvider<SegmentMembers> segments, Ledger ledger) {
        this.history = history;
        this.store = store;
        this.occasions = occasions;
        this.programs = programs;
        this.statuses = statuses;
        this.segments = segments;
        this.ledger = ledger;
    }

    /** What a dry run replays: purchases, events of the promotion's type, or its dates (members on their due days). */
    public enum Replayed {
        PURCHASES, EVENTS, DATES
    }

    /** One day of the replay: purchases, events or members it applied to, points it gave, and the total so far. */
    public record Day(LocalDate date, long applied, long points, long cumulative) {
    }

    /**
     * The dry run's answer: what it replayed ({@code occasions}: purchases, events, or members on a due day; {@code
     * purchases} the purchases among them), how many it applied to, the members reached, the points, the budget burn.
     */
    public record DryRun(int days, Instant from, Instant to, Replayed replayed, long purchases, long occasions,
                         long applied, long members, long points, Long budgetPoints, LocalDate budgetSpentOn,
                         Map<PromotionEngine.Outcome, Long> outcomes, List<Day> perDay, long millis) {
    }

    @Transactional(readOnly = true)
    public DryRun run(long circuitId, Promotion promotion, int days, Instant now) {
        long started = System.nanoTime();
        Promotion p = promotion.withId(0);
        Instant from = now.minus(Duration.ofDays(days));
        ZoneId zone = store.zone(circuitId);
        DryRunTally tally = new DryRunTally(circuitId, p, zone, statuses, segments.getIfAvailable());
        Replayed what = switch (p.trigger()) {
            case PromotionTrigger.OnPurchase on -> purchases(circuitId, p, on, from, now, zone, tally);
            case PromotionTrigger.OnEvent on -> events(circuitId, p, on, from, now, zone, tally);
            default -> dates(circuitId, p, from, now, zone, tally);
        };
        return tally.result(what, days, from, now, started);
    }

    private Replayed purchases(long circuitId, Promotion p, PromotionTrigger.OnPurchase on, Instant from, Instant now,
                               ZoneId zone, DryRunTally tally) {
        Map<Long, Long> visits = new HashMap<>();
        if (on.countsVisits()) {
            history.visitsBefore(circuitId, from, visits::put);
        }
        Purchases replay = new Purchases(p, zone, programs.settings(circuitId), visits, on.countsVisits(), tally);
        history.replay(circuitId, from, now, replay::add);
        replay.flush();
        return Replayed.PURCHASES;
    }

    /** The events of the promotion's type received for the window, in time order, each one an occasion. */
    private Replayed events(long circuitId, Promotion p, PromotionTrigger.OnEvent on, Instant from, Instant now,
                            ZoneId zone, DryRunTally tally) {
        Balances balances = new Balances(circuitId, p);
        occasions.replay(circuitId, on.eventType(), from, now, BATCH, e -> member(p, tally, balances, e.memberId(),
                new PromotionEngine.Occasion.Event(e.type(), e.attributes()), e.occurredAt(), zone));
        return Replayed.EVENTS;
    }

    /**
     * The promotion's days in the window, each one to the members it reaches that day (enrolled by the day's end, in
     * its segment when it targets one), at the day's end or now, today, as the daily job gives it.
     */
    private Replayed dates(long circuitId, Promotion p, Instant from, Instant now, ZoneId zone, DryRunTally tally) {
        Balances balances = new Balances(circuitId, p);
        LocalDate today = LocalDate.ofInstant(now, zone);
        long[] among = null;
        for (LocalDate day = LocalDate.ofInstant(from, zone).plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            String occurrence = CampaignCalendar.occurrence(p.trigger(), day);
            Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
            Instant at = now.isBefore(endOfDay) ? now : endOfDay;
            if (occurrence == null || !p.validity().contains(at)) {
                continue;
            }
            if (among == null && p.target().segmentId() != null) {
                SegmentMembers sm = segments.getIfAvailable();
                among = sm == null ? new long[0] : sm.all(circuitId, p.target().segmentId());
            }
            long after = 0;
            List<Long> page;
            do {
                page = occasions.due(circuitId, p, day, zone, occurrence, after, BATCH, among);
                for (long memberId : page) {
                    member(p, tally, balances, memberId, new PromotionEngine.Occasion.Due(p.id()), at, zone);
                }
                after = page.isEmpty() ? after : page.getLast();
            } while (page.size() == BATCH);
        }
        return Replayed.DATES;
    }

    /** One occasion of a member, decided by the engine with the replay's counters; counted in the tally. */
    private static void member(Promotion p, DryRunTally tally, Balances balances, long memberId,
                               PromotionEngine.Occasion occasion, Instant at, ZoneId zone) {
        PromotionEngine.MemberCase c = new PromotionEngine.MemberCase(memberId, occasion, at, zone,
                tally.tier(memberId), tally.segments(memberId), balances.of(memberId));
        PromotionEngine.Considered result = PromotionEngine.evaluate(c, List.of(p), tally.counters(memberId, at))
                .considered().getFirst();
        tally.count(memberId, at, result, result.points());
        if (result.applied()) {
            balances.moved(memberId, result.points());
        }
    }

    /**
     * Members' balances for an effect that works from them (removing or setting points): as they are now, then moved
     * by what the replay gives; zero, unread, for the others.
     */
    private final class Balances {
        private final long circuitId;
        private final boolean needed;
        private final Map<Long, Long> balance = new HashMap<>();

        Balances(long circuitId, Promotion p) {
            this.circuitId = circuitId;
            PromotionEffect.Kind kind = p.effect().kind();
            this.needed = kind == PromotionEffect.Kind.REMOVE_POINTS || kind == PromotionEffect.Kind.SET_POINTS;
        }

        long of(long memberId) {
            if (!needed) {
                return 0;
            }
            return balance.computeIfAbsent(memberId, m -> ledger.balance(circuitId, AccountRef.available(m)));
        }

        void moved(long memberId, long points) {
            if (needed) {
                balance.merge(memberId, points, Long::sum);
            }
        }
    }

    /** The purchases replayed in batches (their base points read per batch). */
    private final class Purchases {
        private final Promotion p;
        private final List<Promotion> only;
        private final ZoneId zone;
        private final java.math.BigDecimal pointsPerUnit;
        private final Map<Long, Long> visits;
        private final boolean countsVisits;
        private final DryRunTally tally;
        private final List<PurchaseFacts> batch = new ArrayList<>(BATCH);

        Purchases(Promotion p, ZoneId zone, ProgramSettings s, Map<Long, Long> visits, boolean countsVisits,
                  DryRunTally tally) {
            this.p = p;
            this.only = List.of(p);
            this.zone = zone;
            this.pointsPerUnit = PromotionCases.pointsPerUnit(s);
            this.visits = visits;
            this.countsVisits = countsVisits;
            this.tally = tally;
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
            long visit = countsVisits ? visits.merge(f.memberId(), 1L, Long::sum) : 0;
            Instant at = f.occurredAt();
            PromotionEngine.PurchaseCase c = new PromotionEngine.PurchaseCase(f.memberId(), f.companyId(), f.storeId(),
                    f.channel(), at, zone, f.total().amount(), PromotionCases.lines(f.lines()), basePoints, visit,
                    tally.tier(f.memberId()), tally.segments(f.memberId()), pointsPerUnit, null);
            PromotionEngine.Considered result = PromotionEngine.evaluate(c, only, tally.counters(f.memberId(), at))
                    .considered().getFirst();
            long points = result.applied()
                    ? EarningPolicy.afterRefund(result.points(), f.total().amount(), f.refunded().amount()) : 0;
            tally.count(f.memberId(), at, result, points);
        }
    }
}
