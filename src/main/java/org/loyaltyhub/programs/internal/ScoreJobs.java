package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Every night, the score and loyalty score of every member of every circuit, as of that day (UTC), into
 * member_facts. One node at a time; members in batches of {@value #BATCH} by id, each batch in a transaction of its
 * own; a row computed for the day is not computed again that day, so a round cut short resumes where it stopped.
 */
@Component
public class ScoreJobs {

    private static final Logger log = LoggerFactory.getLogger(ScoreJobs.class);
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ClusterJobs jobs;
    private final Clock clock;

    ScoreJobs(JdbcClient jdbc, JdbcTemplate batch, ClusterJobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${loyaltyhub.jobs.scores-cron:0 20 2 * * *}", zone = "UTC")
    void nightly() {
        Integer members = runAt(clock.instant());
        if (members != null) {
            log.info("Scores: {} members computed", members);
        }
    }

    /** Computes every member not yet computed for {@code asOf}'s day; the count, or null when another node runs it. */
    public Integer runAt(Instant asOf) {
        LocalDate day = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        return jobs.runExclusively("member-scores", () -> {
            int done = 0;
            long after = 0;
            while (true) {
                List<Inputs> inputs = due(day, after);
                if (inputs.isEmpty()) {
                    return done;
                }
                after = inputs.getLast().memberId();
                if (jobs.runItem("Scores", "members up to " + after, () -> write(day, inputs))) {
                    done += inputs.size();
                }
            }
        });
    }

    /** The first month of the 12 the score counts: the month of {@code day} and the 11 before it (UTC). */
    static LocalDate windowStart(LocalDate day) {
        return day.withDayOfMonth(1).minusMonths(11);
    }

    private record Inputs(long memberId, LocalDate enrolled, LocalDate lastPurchase, long points, long purchases) {
    }

    private List<Inputs> due(LocalDate day, long after) {
        return jdbc.sql("""
                        select f.member_id, f.enrolled_at, f.last_purchase_at,
                               coalesce(sum(a.points), 0) as points, coalesce(sum(a.purchases), 0) as purchases
                          from member_facts f
                          left join member_activity a on a.member_id = f.member_id and a.month >= :from and a.month <= :to
                         where f.member_id > :after and f.computed_on is distinct from :day
                         group by f.member_id order by f.member_id limit :n""")
                .param("from", Date.valueOf(windowStart(day))).param("to", Date.valueOf(day.withDayOfMonth(1)))
                .param("after", after).param("day", Date.valueOf(day)).param("n", BATCH)
                .query((rs, n) -> new Inputs(rs.getLong("member_id"), utcDay(rs.getTimestamp("enrolled_at")),
                        utcDay(rs.getTimestamp("last_purchase_at")), rs.getLong("points"), rs.getLong("purchases")))
                .list();
    }

    private boolean write(LocalDate day, List<Inputs> inputs) {
        List<Object[]> rows = new ArrayList<>(inputs.size());
        for (Inputs in : inputs) {
            Integer recency = in.lastPurchase() == null ? null
                    : (int) Math.max(0, ChronoUnit.DAYS.between(in.lastPurchase(), day));
            int tenure = (int) Math.max(0, ChronoUnit.MONTHS.between(in.enrolled(), day));
            LoyaltyScore loyalty = LoyaltyScore.of(recency, in.purchases(), tenure);
            rows.add(new Object[] {Math.max(0, in.points()), loyalty.total(), recency, (int) in.purchases(), tenure,
                    Date.valueOf(day), in.memberId()});
        }
        batch.batchUpdate("update member_facts set score = ?, loyalty_score = ?, recency_days = ?, purchases_12m = ?, "
                + "tenure_months = ?, computed_on = ? where member_id = ?", rows);
        return true;
    }

    private static LocalDate utcDay(Timestamp t) {
        return t == null ? null : LocalDate.ofInstant(t.toInstant(), ZoneOffset.UTC);
    }
}
