package org.loyaltyhub.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.loyaltyhub.analytics.internal.IndicatorJob;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationContext;

/**
 * The indicators phase: a circuit of its own with {@code members} members and {@code purchases} purchases over three
 * years at 10 stores of 2 companies, seeded by SQL in chunks (foreign-key triggers off while seeding only, as a bulk
 * load would), then one nightly indicators + RFM run over it, timed, and a second run the same day (nothing to do).
 */
final class IndicatorsBench {

    record Result(long members, long purchases, double seedSeconds, double seconds, long scored, long segments,
                  double againSeconds) {
    }

    private static final long CHUNK = 2_000_000;

    private IndicatorsBench() {
    }

    static Result run(ApplicationContext context, DataSource ds, long members, long purchases) throws Exception {
        long circuit = context.getBean(Tenancy.class).provisionCircuit("Bench indicators " + System.currentTimeMillis(),
                "EUR", false, false, "indicators-" + System.currentTimeMillis() + "@bench.test", "Bench",
                "bench-password-1").id();
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long[] companies = new long[2];
            long[] stores = new long[10];
            for (int i = 0; i < companies.length; i++) {
                companies[i] = single(s, "insert into company (circuit_id, name) values (" + circuit + ", 'Bench "
                        + i + "') returning id");
            }
            for (int i = 0; i < stores.length; i++) {
                stores[i] = single(s, "insert into store (circuit_id, company_id, name) values (" + circuit + ", "
                        + companies[i % 2] + ", 'Store " + i + "') returning id");
            }
            s.execute("insert into member (circuit_id, first_name, last_name, birth_date, created_at) select " + circuit
                    + ", 'Bench', 'Indicator ' || g, date '1950-01-01' + (g * 37 % 20000), now() - make_interval("
                    + "days => (g * 13 % 2000)::int) from generate_series(1, " + members + ") g");
            long first = single(s, "select min(id) from member where circuit_id = " + circuit);
            String companyArray = "array[" + companies[0] + "," + companies[1] + "]::bigint[]";
            String storeArray = "array[" + String.join(",", java.util.Arrays.stream(stores).mapToObj(String::valueOf)
                    .toList()) + "]::bigint[]";
            s.execute("set session_replication_role = replica");
            try {
                for (long from = 0; from < purchases; from += CHUNK) {
                    long to = Math.min(purchases, from + CHUNK);
                    // members spread by a multiplicative hash (about purchases / members each), a home store per
                    // member and another one a purchase in three, three years back, 1 in 50 cancelled, 1 in 97 refunded
                    s.execute("insert into purchase (circuit_id, company_id, store_id, member_id, channel, order_id,"
                            + " currency, total, refunded, status, stage, occurred_at) select " + circuit + ", ("
                            + companyArray + ")[1 + k % 2], (" + storeArray + ")[1 + k], m, 'pos', 'I-' || g, 'EUR',"
                            + " 5 + (g % 120), case when g % 97 = 0 then 2 else 0 end, case when g % 50 = 0 then"
                            + " 'CANCELLED' else 'PAID' end, 'PAID', now() - make_interval(days => ((g * 7919) % 1095)"
                            + "::int, secs => ((g * 104729) % 86400)::int) from (select g, m, ((m + case when g % 3 = 0"
                            + " then g % 10 else 0 end) % 10)::int as k from (select g, " + first + " + ((g * 2654435761)"
                            + " % " + members + ") as m from generate_series(" + from + "::bigint, " + (to - 1)
                            + ") g) x) y");
                    System.out.println("[bench] Indicators: seeded " + to + " purchases");
                }
            } finally {
                s.execute("set session_replication_role = origin");
            }
            s.execute("analyze member");
            s.execute("analyze purchase");
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        IndicatorJob job = context.getBean(IndicatorJob.class);
        Instant now = Instant.now();
        long t1 = System.nanoTime();
        job.runAt(now);
        double seconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        job.runAt(now.plusSeconds(1));
        double again = (System.nanoTime() - t2) / 1e9;
        long scored;
        long segments;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            scored = single(s, "select count(*) from member_indicator where circuit_id = " + circuit
                    + " and rfm_segment is not null");
            segments = single(s, "select count(distinct rfm_segment) from member_indicator where circuit_id = "
                    + circuit);
        }
        return new Result(members, purchases, seedSeconds, seconds, scored, segments, again);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
