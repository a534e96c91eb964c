package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.internal.TierKeeper.Outcome;
import org.loyaltyhub.programs.internal.TierKeeper.Rules;
import org.loyaltyhub.programs.internal.TierStore.MemberTier;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The nightly tier recalculation: on one node at a time, looks again at every member whose day to be looked at has
 * come (their window moved, the tier's keep or a manual tier ended), a bounded batch of members per transaction:
 * each batch's rows are locked, their windows summed in one statement, decided by {@link TierRules} and written
 * back in one statement. A batch done is no longer due, so a round stopped midway resumes where it was, and a
 * second round on the same day finds nothing to do.
 */
@Component
public class TierRecalculation {

    private static final Logger log = LoggerFactory.getLogger(TierRecalculation.class);
    static final int BATCH = 2_000;

    private final TierKeeper keeper;
    private final TierStore store;
    private final ClusterJobs jobs;
    private final JdbcClient jdbc;

    TierRecalculation(TierKeeper keeper, TierStore store, ClusterJobs jobs, JdbcClient jdbc) {
        this.keeper = keeper;
        this.store = store;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    /** A round's figures: members looked at, and how many moved up, down, or out of a manual tier. */
    public record Run(long members, long up, long down, long manualEnded) {
        Run plus(Run o) {
            return new Run(members + o.members, up + o.up, down + o.down, manualEnded + o.manualEnded);
        }
    }

    @Scheduled(cron = "${loyaltyhub.jobs.tiers-cron:0 30 2 * * *}", zone = "UTC")
    void nightly() {
        Run run = runAt(keeper.today());
        if (run != null && run.members() > 0) {
            log.info("Tiers: {} members looked at, {} up, {} down, {} manual tiers ended", run.members(), run.up(),
                    run.down(), run.manualEnded());
        }
    }

    /** One round as of {@code today}; null when another node is running it. */
    public Run runAt(LocalDate today) {
        return jobs.runExclusively("tiers", () -> {
            Run total = new Run(0, 0, 0, 0);
            for (long circuitId : store.circuitsWithTiers()) {
                total = total.plus(circuit(circuitId, today));
            }
            return total;
        });
    }

    private Run circuit(long circuitId, LocalDate today) {
        Run total = new Run(0, 0, 0, 0);
        long after = 0;
        while (true) {
            List<Long> ids = store.due(circuitId, today, after, BATCH);
            if (ids.isEmpty()) {
                return total;
            }
            after = ids.getLast();
            Run[] batch = {new Run(0, 0, 0, 0)};
            jobs.runItem("Tiers", "members " + ids.getFirst() + " to " + after + " of circuit " + circuitId, () -> {
                batch[0] = keeper.rules(circuitId, today).map(r -> batch(r, ids)).orElse(batch[0]);
                return true;
            });
            total = total.plus(batch[0]);
        }
    }

    /** Locks the batch's rows that are still due, sums their windows, decides and writes them back. */
    private Run batch(Rules r, List<Long> ids) {
        LocalDate from = TierRules.windowStart(r.policy(), r.today());
        LocalDate previousFrom = TierRules.previousPeriodStart(r.policy(), r.today());
        String measure = "a." + TierStore.column(r.policy().basis());
        List<Outcome> outcomes = new ArrayList<>();
        jdbc.sql("""
                        select t.*, s.now, s.previous from member_tier t cross join lateral (
                            select coalesce(sum(%1$s) filter (where cast(:from as date) is null or a.month >= :from), 0) as now,
                                   coalesce(sum(%1$s) filter (where a.month >= :previous and a.month < :from), 0) as previous
                              from member_activity a where a.member_id = t.member_id) s
                         where t.circuit_id = :c and t.member_id = any(:ids) and t.review_on <= :today
                         order by t.member_id for update of t
                        """.formatted(measure))
                .param("c", r.circuitId()).param("ids", ids.toArray(Long[]::new))
                .param("from", from == null ? null : Date.valueOf(from))
                .param("previous", previousFrom == null ? null : Date.valueOf(previousFrom))
                .param("today", Date.valueOf(r.today()))
                .query((rs, n) -> {
                    MemberTier state = TierStore.memberTier(rs, n);
                    outcomes.add(keeper.decide(r, state, rs.getBigDecimal("now"), rs.getBigDecimal("previous")));
                    return state;
                }).list();
        save(outcomes);
        long up = 0;
        long down = 0;
        long ended = 0;
        for (Outcome o : outcomes) {
            keeper.announce(r, o);
            switch (o.decision().change()) {
                case UP -> up++;
                case DOWN -> down++;
                case NONE -> { }
            }
            ended += o.manualEnded() ? 1 : 0;
        }
        return new Run(outcomes.size(), up, down, ended);
    }

    /** Writes a batch's outcomes in one statement. */
    private void save(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.size();
        Long[] members = new Long[n];
        Long[] tiers = new Long[n];
        String[] since = new String[n];
        String[] kept = new String[n];
        String[] below = new String[n];
        String[] review = new String[n];
        Boolean[] endManual = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            members[i] = o.before().memberId();
            tiers[i] = o.decision().tierId();
            since[i] = text(o.decision().since());
            kept[i] = text(o.decision().keptUntil());
            below[i] = text(o.decision().belowSince());
            review[i] = text(o.reviewOn());
            endManual[i] = o.manualEnded();
        }
        jdbc.sql("""
                        update member_tier t set tier_id = u.tier_id, since = u.since, kept_until = u.kept,
                            below_since = u.below, review_on = u.review,
                            manual_tier_id = case when u.end_manual then null else t.manual_tier_id end,
                            manual_reason = case when u.end_manual then null else t.manual_reason end,
                            manual_actor = case when u.end_manual then null else t.manual_actor end,
                            manual_until = case when u.end_manual then null else t.manual_until end
                          from unnest(cast(:members as bigint[]), cast(:tiers as bigint[]), cast(:since as date[]),
                                      cast(:kept as date[]), cast(:below as date[]), cast(:review as date[]),
                                      cast(:endManual as boolean[]))
                               as u(member_id, tier_id, since, kept, below, review, end_manual)
                         where t.member_id = u.member_id
                        """)
                .param("members", members).param("tiers", tiers).param("since", since).param("kept", kept)
                .param("below", below).param("review", review).param("endManual", endManual).update();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
