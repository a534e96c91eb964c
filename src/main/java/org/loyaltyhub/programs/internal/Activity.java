package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.EntryPosted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A member's activity per calendar month (UTC), what status programs qualify on: points earned, amount spent and
 * purchases counted. Points move with every entry of a qualifying kind (earning, actions, manual adjustments and
 * the reversals of those: not redemptions, holds or expiry), in the entry's own transaction (written just before it
 * commits), in the month the entry is written; a purchase's spend and count move with the purchase (in the month it first counted) once it reaches
 * the program's award moment, and back when it is refunded or cancelled. Every change tells the status rules.
 */
@Component
public class Activity {

    /**
     * Kinds of entries whose effect on the member's available points counts as points earned; bonus points
     * (promotions, referrals) count too when the circuit's tier policy says so ({@link TierPolicy#bonusPoints}).
     */
    public static final Set<String> QUALIFYING = Set.of("EARN", "PENDING_RELEASE", "EARN_REVERSAL", "MANUAL_CREDIT",
            "MANUAL_DEBIT", "ACTION_REGISTRATION", "ACTION_NEWSLETTER", "ACTION_REVIEW");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<ActivityListener> listeners;
    private final TierStore tiers;

    Activity(JdbcClient jdbc, Clock clock, ObjectProvider<ActivityListener> listeners, TierStore tiers) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** A member's activity over a window of months. */
    public record Totals(long points, BigDecimal spent, long purchases) {
        public static final Totals NONE = new Totals(0, BigDecimal.ZERO, 0);
    }

    @EventListener
    void on(EntryPosted e) {
        if (e.memberId() == null || e.memberAvailable() == 0) {
            return;
        }
        String kind = e.reversedKind() != null ? e.reversedKind() : e.kind();
        if (QUALIFYING.contains(kind) || counted(e.circuitId(), TierPolicy.BonusPoints.of(kind))) {
            add(e.circuitId(), e.memberId(), thisMonth(), e.memberAvailable(), BigDecimal.ZERO, 0);
        }
    }

    /** Entries posted together count as each would posted alone (the deltas are gathered until commit anyway). */
    @EventListener
    void on(org.loyaltyhub.ledger.EntriesPosted posted) {
        posted.entries().forEach(this::on);
    }

    /** Whether the circuit counts this bonus as points earned (the policy is read only for bonus entries). */
    private boolean counted(long circuitId, TierPolicy.BonusPoints bonus) {
        return bonus != null && tiers.policy(circuitId).orElse(TierPolicy.DEFAULT).counts(bonus);
    }

    /** The first day of the current month (UTC): the month activity is counted in. */
    public LocalDate thisMonth() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
    }

    /**
     * Moves a member's activity in {@code month} by the deltas, then lets the status rules re-evaluate them. Inside a
     * transaction the deltas are gathered and written just before it commits (still inside it: a failure rolls
     * everything back), after every posting: the activity and status rows are then always locked after the
     * accounts, in member and month order, so concurrent earns and adjustments never deadlock on them.
     */
    void add(long circuitId, long memberId, LocalDate month, long points, BigDecimal spent, int purchases) {
        if (points == 0 && spent.signum() == 0 && purchases == 0) {
            return;
        }
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        if (!TransactionSynchronizationManager.isSynchronizationActive() || (pending != null && pending.flushing)) {
            // no transaction to wait for, or a status rule's own posting while the gathered deltas are written
            write(new Key(memberId, month), circuitId, new Delta(points, spent, purchases));
            listeners.orderedStream().forEach(l -> l.activityChanged(circuitId, memberId));
            return;
        }
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(new Key(memberId, month), circuitId, new Delta(points, spent, purchases));
    }

    private record Key(long memberId, LocalDate month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byMember = Long.compare(memberId, o.memberId);
            return byMember != 0 ? byMember : month.compareTo(o.month);
        }
    }

    private record Delta(long points, BigDecimal spent, int purchases) {
        Delta plus(Delta o) {
            return new Delta(points + o.points, spent.add(o.spent), purchases + o.purchases);
        }

        boolean isZero() {
            return points == 0 && spent.signum() == 0 && purchases == 0;
        }
    }

    /** The deltas of one transaction, written before it commits. */
    private final class Pending implements TransactionSynchronization {
        private final java.util.TreeMap<Key, Delta> deltas = new java.util.TreeMap<>();
        private final java.util.Map<Long, Long> circuits = new java.util.TreeMap<>();
        boolean flushing;

        void add(Key key, long circuitId, Delta delta) {
            deltas.merge(key, delta, Delta::plus);
            circuits.put(key.memberId(), circuitId);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flushing = true;
            java.util.Set<Long> moved = new java.util.TreeSet<>();
            deltas.forEach((key, delta) -> {
                if (!delta.isZero()) {
                    write(key, circuits.get(key.memberId()), delta);
                    moved.add(key.memberId());
                }
            });
            for (long memberId : moved) {
                listeners.orderedStream().forEach(l -> l.activityChanged(circuits.get(memberId), memberId));
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Activity.this);
        }
    }

    private void write(Key key, long circuitId, Delta d) {
        long memberId = key.memberId();
        LocalDate month = key.month();
        long points = d.points();
        BigDecimal spent = d.spent();
        int purchases = d.purchases();
        jdbc.sql("""
                        insert into member_activity (member_id, month, circuit_id, points, spent, purchases)
                        values (:m, :month, :c, :points, :spent, :purchases)
                        on conflict (member_id, month) do update set points = member_activity.points + excluded.points,
                            spent = member_activity.spent + excluded.spent,
                            purchases = member_activity.purchases + excluded.purchases
                        """)
                .param("m", memberId).param("month", Date.valueOf(month)).param("c", circuitId).param("points", points)
                .param("spent", spent).param("purchases", purchases).update();
    }

    /** A member's activity from {@code fromMonth} (inclusive; null: since ever) to now. */
    public Totals totals(long memberId, LocalDate fromMonth) {
        return jdbc.sql("""
                        select coalesce(sum(points), 0) as points, coalesce(sum(spent), 0) as spent,
                               coalesce(sum(purchases), 0) as purchases
                          from member_activity where member_id = :m and (cast(:from as date) is null or month >= :from)
                        """)
                .param("m", memberId).param("from", fromMonth == null ? null : Date.valueOf(fromMonth))
                .query((rs, n) -> new Totals(rs.getLong("points"), rs.getBigDecimal("spent"), rs.getLong("purchases")))
                .single();
    }
}
