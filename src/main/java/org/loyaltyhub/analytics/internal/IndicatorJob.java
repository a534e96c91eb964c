package org.loyaltyhub.analytics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.loyaltyhub.analytics.RfmGrid;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, the indicators and RFM scores of every member, circuit by circuit, as of that day (UTC). One node at a
 * time; each circuit in one set-based statement and a transaction of its own, marked done for the day in the same
 * transaction, so a round cut short resumes with the circuits left and a second run the same day does nothing. Only
 * rows whose figures changed are written.
 */
@Component
public class IndicatorJob {

    private static final Logger log = LoggerFactory.getLogger(IndicatorJob.class);

    /** Quintile of a rank among n: ties share the lowest rank, hence the same score. */
    private static final String QUINTILE = "(1 + (5 * (rank() over (order by %s) - 1)) / count(*) over ())::int";

    private static final String COLUMNS = "visits_12m, most_visited_store_id, visits_3y, spend_3y, spend_this_year,"
            + " spend_last_year, spend_year_before, last_purchase_at, recency_score, frequency_score, monetary_score,"
            + " rfm_segment";

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Clock clock;
    /** The segment of each (r, f, m) as a PostgreSQL array literal, indexed as {@link RfmGrid#table()}. */
    private final String segments = "{" + String.join(",", RfmGrid.table()) + "}";

    IndicatorJob(JdbcClient jdbc, ClusterJobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${loyaltyhub.jobs.indicators-cron:0 40 2 * * *}", zone = "UTC")
    void nightly() {
        Integer circuits = runAt(clock.instant());
        if (circuits != null) {
            log.info("Indicators: {} circuits computed", circuits);
        }
    }

    /** Computes every circuit not yet computed for {@code asOf}'s day: how many, or null when another node runs it. */
    public Integer runAt(Instant asOf) {
        IndicatorWindows w = IndicatorWindows.at(asOf);
        return jobs.runExclusively("member-indicators", () -> {
            List<Long> due = jdbc.sql("""
                            select id from circuit c where not exists (select 1 from member_indicator_run r
                             where r.circuit_id = c.id and r.computed_on = :day) order by id""")
                    .param("day", Date.valueOf(w.day())).query(Long.class).list();
            int done = 0;
            for (long circuit : due) {
                if (jobs.runItem("Indicators", "circuit " + circuit, () -> compute(circuit, w))) {
                    done++;
                }
            }
            return done;
        });
    }

    private boolean compute(long circuit, IndicatorWindows w) {
        jdbc.sql(IndicatorWindows.figures(false, false) + """
                        , scored as (
                            select a.*, %s as r, %s as f, %s as m from agg a
                        )
                        insert into member_indicator (member_id, circuit_id, %s)
                        select x.id, x.circuit_id, coalesce(s.visits_12m, 0), s.most_visited_store_id,
                               coalesce(s.visits_3y, 0), coalesce(s.spend_3y, 0), coalesce(s.spend_this_year, 0),
                               coalesce(s.spend_last_year, 0), coalesce(s.spend_year_before, 0), s.last_purchase_at,
                               s.r, s.f, s.m, (cast(:segments as text[]))[25 * (s.r - 1) + 5 * (s.f - 1) + s.m]
                          from member x left join scored s on s.member_id = x.id
                         where x.circuit_id = :c
                        on conflict (member_id) do update set (%s) = (%s)
                         where (%s) is distinct from (%s)"""
                        .formatted(QUINTILE.formatted("last_purchase_at"), QUINTILE.formatted("visits_3y"),
                                QUINTILE.formatted("spend_3y"), COLUMNS, prefixed(""), prefixed("excluded."),
                                prefixed("member_indicator."), prefixed("excluded.")))
                .params(w.params()).param("c", circuit).param("segments", segments).update();
        int members = jdbc.sql("select count(*) from member where circuit_id = :c").param("c", circuit)
                .query(Integer.class).single();
        jdbc.sql("""
                        insert into member_indicator_run (circuit_id, computed_on, members, finished_at)
                        values (:c, :day, :n, :at)
                        on conflict (circuit_id) do update set computed_on = excluded.computed_on,
                            members = excluded.members, finished_at = excluded.finished_at""")
                .param("c", circuit).param("day", Date.valueOf(w.day())).param("n", members)
                .param("at", Timestamp.from(clock.instant())).update();
        return true;
    }

    private static String prefixed(String prefix) {
        return java.util.Arrays.stream(COLUMNS.split(",")).map(c -> prefix + c.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
