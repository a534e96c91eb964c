package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nightly re-evaluation of badges: points leave a calendar-year or rolling window as it moves, and badges change
 * or are removed, without any new activity. Runs on one node at a time; each member is evaluated in a transaction of
 * its own and marked evaluated for the day, so a round cut short resumes where it stopped and a second round on the
 * same day finds nothing to do.
 */
@Component
class BadgeRound {

    private static final Logger log = LoggerFactory.getLogger(BadgeRound.class);
    private static final int BATCH = 500;

    private final ClusterJobs jobs;
    private final BadgeHolders holders;
    private final Badges badges;
    private final JdbcClient jdbc;
    private final Clock clock;

    BadgeRound(ClusterJobs jobs, BadgeHolders holders, Badges badges, JdbcClient jdbc, Clock clock) {
        this.jobs = jobs;
        this.holders = holders;
        this.badges = badges;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Members evaluated and badges that changed; null when another node runs the round. */
    record Run(int evaluated, int changed) {
    }

    @Scheduled(cron = "${loyaltyhub.jobs.badges-cron:0 15 2 * * *}", zone = "UTC")
    void nightly() {
        Run run = run();
        if (run != null && run.evaluated() > 0) {
            log.info("Badges: {} members evaluated, {} badges changed", run.evaluated(), run.changed());
        }
    }

    Run run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return jobs.runExclusively("badges", () -> {
            int evaluated = 0;
            int changed = 0;
            Map<Long, BadgeLadder> ladders = new HashMap<>();
            long after = 0;
            List<long[]> due;
            do {
                due = due(today, after);
                for (long[] item : due) {
                    long circuitId = item[1];
                    long memberId = item[0];
                    BadgeLadder ladder = ladders.computeIfAbsent(circuitId, badges::ladder);
                    evaluated++;
                    changed += jobs.runItem("Badges", "member " + memberId,
                            () -> holders.evaluate(circuitId, memberId, now, ladder)) ? 1 : 0;
                    after = memberId;
                }
            } while (due.size() == BATCH);
            return new Run(evaluated, changed);
        });
    }

    /**
     * Members not evaluated today: holders of a badge, and members with activity in a circuit that has badges.
     */
    private List<long[]> due(LocalDate today, long after) {
        return jdbc.sql("""
                        select member_id, circuit_id from (
                            select member_id, circuit_id from member_badge
                             where badge_id is not null and (evaluated_on is null or evaluated_on < :today)
                            union
                            select distinct a.member_id, a.circuit_id from member_activity a
                             where exists (select 1 from badge b where b.circuit_id = a.circuit_id
                                                                     and b.removed_at is null)
                               and not exists (select 1 from member_badge mb where mb.member_id = a.member_id
                                                                              and mb.evaluated_on >= :today)
                        ) due where member_id > :after order by member_id limit :batch""")
                .param("today", Date.valueOf(today)).param("after", after).param("batch", BATCH)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }
}
