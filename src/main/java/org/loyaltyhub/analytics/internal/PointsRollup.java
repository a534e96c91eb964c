package org.loyaltyhub.analytics.internal;

import java.time.Duration;
import org.loyaltyhub.shared.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the journal into {@code analytics_points_day}, batch by batch, past a watermark on the entry id. Each batch
 * and the watermark's advance commit together, one node at a time, so a crash or a second node never counts an entry
 * twice. Entries younger than {@code lag} are left to the report's tail: a posting transaction still open may hold a
 * lower id than one already committed, and the watermark must not pass it.
 */
@Component
public class PointsRollup {

    static final String JOB = "points-day";
    private static final int BATCH = 200_000;

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Duration lag;

    PointsRollup(JdbcClient jdbc, ClusterJobs jobs,
                 @Value("${loyaltyhub.analytics.rollup-lag:PT2M}") Duration lag) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.lag = lag;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.analytics.rollup-interval:PT1M}", initialDelayString = "PT40S")
    void scheduled() {
        while (Boolean.TRUE.equals(foldOnce(lag))) {
            // keep going while batches were folded
        }
    }

    /** Folds every entry older than {@code lag}; returns how many batches ran (0 when another node had the job). */
    public int catchUp(Duration lag) {
        int batches = 0;
        while (Boolean.TRUE.equals(foldOnce(lag))) {
            batches++;
        }
        return batches;
    }

    /**
     * What the batch's entries changed in members' holdings, per day: available points per issuer of their lots,
     * pending and held points per company of the entry ({@code analytics_liability_day}, read by the liability).
     */
    private void foldLiability(long from, long to) {
        jdbc.sql("insert into analytics_liability_day (circuit_id, day, part, company_id, amount)"
                        + " select l.circuit_id, (e.created_at at time zone 'UTC')::date, 'AVAILABLE',"
                        + " coalesce(l.issuer_company_id, 0), sum(m.amount) from lot_movement m"
                        + " join lot l on l.id = m.lot_id join account a on a.id = l.account_id"
                        + " join journal_entry e on e.id = m.entry_id"
                        + " where m.entry_id > :from and m.entry_id <= :to and a.kind = 'MEMBER_AVAILABLE'"
                        + " group by 1, 2, 4" + LIABILITY_CONFLICT)
                .param("from", from).param("to", to).update();
        jdbc.sql("insert into analytics_liability_day (circuit_id, day, part, company_id, amount)"
                        + " select a.circuit_id, (e.created_at at time zone 'UTC')::date,"
                        + " case a.kind when 'MEMBER_PENDING' then 'PENDING' else 'HELD' end,"
                        + " coalesce(e.company_id, 0), sum(p.amount) from journal_entry e"
                        + " join posting p on p.entry_id = e.id join account a on a.id = p.account_id"
                        + " where e.id > :from and e.id <= :to and a.kind in ('MEMBER_PENDING', 'MEMBER_HELD')"
                        + " group by 1, 2, 3, 4" + LIABILITY_CONFLICT)
                .param("from", from).param("to", to).update();
    }

    private static final String LIABILITY_CONFLICT = " on conflict (circuit_id, day, part, company_id) do update set"
            + " amount = analytics_liability_day.amount + excluded.amount";

    /** One batch: true when entries were folded (more may wait), false when caught up, null when locked out. */
    Boolean foldOnce(Duration lag) {
        return jobs.runExclusively("analytics-" + JOB, () -> {
            long from = jdbc.sql("select entry_id from analytics_watermark where job = :job for update")
                    .param("job", JOB).query(Long.class).single();
            Long upTo = jdbc.sql("select max(id) from (select id from journal_entry where id > :from"
                            + " and created_at < now() - make_interval(secs => :lag) order by id limit :batch) b")
                    .param("from", from).param("lag", lag.toSeconds()).param("batch", BATCH)
                    .query(Long.class).optional().orElse(null);
            if (upTo == null) {
                return false;
            }
            // the batch stops before the first entry that is still too young, so no older entry is skipped
            Long young = jdbc.sql("select min(id) from journal_entry where id > :from and id <= :to"
                            + " and created_at >= now() - make_interval(secs => :lag)")
                    .param("from", from).param("to", upTo).param("lag", lag.toSeconds())
                    .query(Long.class).optional().orElse(null);
            long to = young == null ? upTo : young - 1;
            if (to <= from) {
                return false;
            }
            jdbc.sql("insert into analytics_points_day (circuit_id, day, company_id, store_id, kind, purpose, credits,"
                            + " debits, operations) select circuit_id, (created_at at time zone 'UTC')::date,"
                            + " coalesce(company_id, 0), coalesce(store_id, 0), report_kind, purpose,"
                            + " sum(greatest(net, 0)), sum(greatest(-net, 0)), count(*) from ("
                            + Movements.select("e.id > :from and e.id <= :to") + ") mv group by 1, 2, 3, 4, 5, 6"
                            + " on conflict (circuit_id, day, company_id, store_id, kind, purpose) do update set"
                            + " credits = analytics_points_day.credits + excluded.credits,"
                            + " debits = analytics_points_day.debits + excluded.debits,"
                            + " operations = analytics_points_day.operations + excluded.operations")
                    .param("from", from).param("to", to).update();
            foldLiability(from, to);
            jdbc.sql("update analytics_watermark set entry_id = :to where job = :job").param("to", to)
                    .param("job", JOB).update();
            return true;
        });
    }
}
