package org.loyaltyhub.bench;

import org.loyaltyhub.clearing.internal.Clearing;
import org.loyaltyhub.clearing.internal.ClearingFold;
import org.loyaltyhub.clearing.internal.ClearingReport;
import org.loyaltyhub.clearing.internal.Period;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The clearing phase: a circuit of its own with {@code companies} companies and {@code redemptions} redemptions
 * over the last 365 days, seeded by SQL as the deltas the posting transaction writes (one per redemption: issuer,
 * redeemer, purpose, amount), spread over every pair, day and purpose so they make as many daily rows as they can;
 * the fold job turns them into daily and monthly rows, timed; then the report for the last full month and for the
 * whole year (365 days to yesterday: its whole months from the monthly rows, the days around them from the daily), each
 * run {@code RUNS} times after a warm-up, timed (median and slowest).
 */
final class ClearingBench {

    static final int RUNS = 7;

    record Result(int companies, long redemptions, long dailyRows, double seedSeconds, double foldSeconds,
                  double[] monthMillis, double[] yearMillis, int monthPositions, int yearPositions) {
    }

    private ClearingBench() {
    }

    static Result run(ApplicationContext context, DataSource ds, int companies, long redemptions) throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        long circuit;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            circuit = single(s, "insert into circuit (name, currency) values ('Bench clearing "
                    + System.currentTimeMillis() + "', 'EUR') returning id");
            s.execute("insert into company (circuit_id, name) select " + circuit + ", 'Company ' || g "
                    + "from generate_series(1, " + companies + ") g");
            long first = single(s, "select min(id) from company where circuit_id = " + circuit);
            // every pair of companies on every day with every purpose as far as the redemptions go (the most daily
            // rows they can make: the worst case for the report), 1..500 units each
            long pairs = (long) companies * companies;
            s.execute("insert into clearing_delta (circuit_id, day, issuer_company_id, redeemer_company_id, purpose, "
                    + "amount) select " + circuit + ", current_date - 1 - ((g / " + pairs + ") % 365)::int, " + first
                    + " + g % " + companies + ", " + first + " + (g / " + companies + ") % " + companies
                    + ", (array['POINTS', 'CASHBACK', 'DISCOUNT'])[1 + (g / " + (pairs * 365) + ") % 3], "
                    + "1 + (g * 31) % 500 from generate_series(0::bigint, " + (redemptions - 1) + ") g");
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        context.getBean(ClearingFold.class).run();
        double foldSeconds = (System.nanoTime() - t1) / 1e9;
        long dailyRows;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze clearing_day");
            s.execute("vacuum analyze clearing_month");
            dailyRows = single(s, "select count(*) from clearing_day where circuit_id = " + circuit);
        }
        Clearing clearing = context.getBean(Clearing.class);
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, circuit, null, null, null, null, "bench");
        Period month = Period.month(YearMonth.from(today).minusMonths(1));
        Period year = new Period(today.minusDays(365), today.minusDays(1));
        double[] monthMillis = time(clearing, admin, month);
        double[] yearMillis = time(clearing, admin, year);
        return new Result(companies, redemptions, dailyRows, seedSeconds, foldSeconds, monthMillis, yearMillis,
                clearing.report(admin, month).positions().size(), clearing.report(admin, year).positions().size());
    }

    /** The median and the slowest of {@link #RUNS} reports after one to warm up. */
    private static double[] time(Clearing clearing, Caller admin, Period period) {
        clearing.report(admin, period);
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            ClearingReport r = clearing.report(admin, period);
            millis[i] = (System.nanoTime() - t) / 1e6;
            if (r.lines().isEmpty()) {
                throw new IllegalStateException("the clearing report found nothing");
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[RUNS / 2], millis[RUNS - 1]};
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
