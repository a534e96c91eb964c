package org.loyaltyhub.bench;

import org.loyaltyhub.programs.internal.TierRecalculation;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The tiers phase: a circuit of its own with four tiers (points earned over a rolling 12 months, down after two
 * months below), {@code members} members seeded by SQL with 12 months of activity each and the tier they held a
 * month ago, all due for a look today; then one nightly recalculation, timed.
 */
final class TierBench {

    record Result(long members, long activityRows, double seedSeconds, double seconds, TierRecalculation.Run run) {
        double perSecond() {
            return run.members() / seconds;
        }
    }

    private TierBench() {
    }

    static Result run(ApplicationContext context, DataSource ds, int members) throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        long circuit;
        long activityRows;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            circuit = single(s, "insert into circuit (name, currency) values ('Bench tiers "
                    + System.currentTimeMillis() + "', 'EUR') returning id");
            s.execute("insert into tier_policy (circuit_id, basis, window_kind, window_months, downgrade, below_months, "
                    + "grace_days) values (" + circuit + ", 'POINTS_EARNED', 'ROLLING_MONTHS', 12, "
                    + "'AFTER_MONTHS_BELOW', 2, 0)");
            s.execute("insert into tier (circuit_id, name_en, name_it, colour, threshold, earn_multiplier) values "
                    + "(" + circuit + ", 'Bronze', 'Bronzo', '#a0522d', 500, 1), "
                    + "(" + circuit + ", 'Silver', 'Argento', '#9ea7ad', 1500, 1.2), "
                    + "(" + circuit + ", 'Gold', 'Oro', '#c9a227', 3000, 1.5), "
                    + "(" + circuit + ", 'Platinum', 'Platino', '#5b6770', 5000, 2)");
            s.execute("insert into member (circuit_id, first_name, last_name) select " + circuit
                    + ", 'Bench', 'Tier ' || g from generate_series(1, " + members + ") g");
            long first = single(s, "select min(id) from member where circuit_id = " + circuit);
            long last = single(s, "select max(id) from member where circuit_id = " + circuit);
            // 12 months each: points 0..799 a month, spend alike, 0..3 purchases, varied by member and month
            activityRows = s.executeUpdate("insert into member_activity (member_id, month, circuit_id, points, spent, "
                    + "purchases) select m, (date_trunc('month', current_date) - make_interval(months => k))::date, "
                    + circuit + ", ((m * 7919 + k * 104729) % 800), ((m * 7919 + k * 104729) % 800), "
                    + "((m + k) % 4) from generate_series(" + first + "::bigint, " + last + ") m, generate_series(0, 11) k");
            // the tier each held before (drifted from today's activity), a third of them below it for 3 months: all
            // due today
            s.execute("insert into member_tier (member_id, circuit_id, tier_id, since, below_since, review_on) select m, "
                    + circuit + ", (select id from tier where circuit_id = " + circuit + " order by threshold offset "
                    + "(m % 5) limit 1), current_date - 400, case when m % 3 = 0 then current_date - 90 end, "
                    + "current_date from generate_series(" + first + ", " + last + ") m");
            s.execute("analyze member_activity");
            s.execute("analyze member_tier");
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        TierRecalculation.Run run = context.getBean(TierRecalculation.class).runAt(today);
        double seconds = (System.nanoTime() - t1) / 1e9;
        try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(
                "select count(*) from member_tier where circuit_id = ? and review_on <= ?")) {
            p.setLong(1, circuit);
            p.setObject(2, today);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException(rs.getLong(1) + " members still due after the recalculation");
                }
            }
        }
        return new Result(members, activityRows, seedSeconds, seconds, run);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
