package org.loyaltyhub.bench;

import java.io.Writer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.loyaltyhub.analytics.Grouping;
import org.loyaltyhub.analytics.PointsFilter;
import org.loyaltyhub.analytics.ReportKind;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.analytics.internal.PointsReport;
import org.loyaltyhub.analytics.internal.PointsRollup;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationContext;

/**
 * The reports phase: a circuit of its own with {@code movements} journal entries (two postings each) over two years,
 * seeded by SQL in chunks; the rollup job folds them; then points-report summaries over random ranges and filters,
 * the full row export (streamed to a counting writer), and the circuit dashboard over HTTP, each timed.
 */
final class ReportsBench {

    record Result(long movements, double seedSeconds, double rollupSeconds, List<Double> summaryMillis,
                  long exportedRows, double exportSeconds, List<Double> dashboardMillis) {
        double exportPerSecond() {
            return exportedRows / exportSeconds;
        }
    }

    private static final int MEMBERS = 100_000;
    private static final int CHUNK = 1_000_000;

    private ReportsBench() {
    }

    static Result run(ApplicationContext context, DataSource ds, int port, long movements) throws Exception {
        String email = "reports-" + System.currentTimeMillis() + "@bench.test";
        String password = "bench-password-1";
        long circuit = context.getBean(Tenancy.class).provisionCircuit("Bench reports " + System.currentTimeMillis(),
                "EUR", false, false, email, "Bench", password).id();
        long t0 = System.nanoTime();
        long company;
        long[] stores = new long[4];
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            company = single(s, "insert into company (circuit_id, name) values (" + circuit + ", 'Bench') returning id");
            for (int i = 0; i < stores.length; i++) {
                stores[i] = single(s, "insert into store (circuit_id, company_id, name) values (" + circuit + ", "
                        + company + ", 'Store " + i + "') returning id");
            }
            s.execute("insert into member (circuit_id, first_name, last_name) select " + circuit
                    + ", 'Bench', 'Report ' || g from generate_series(1, " + MEMBERS + ") g");
            long firstMember = single(s, "select min(id) from member where circuit_id = " + circuit);
            s.execute("insert into account (circuit_id, kind, owner_id, unit, materialized) select " + circuit
                    + ", 'MEMBER_AVAILABLE', m, 'PTS', true from generate_series(" + firstMember + "::bigint, "
                    + (firstMember + MEMBERS - 1) + ") m order by m");
            long firstAccount = single(s, "select min(id) from account where circuit_id = " + circuit
                    + " and kind = 'MEMBER_AVAILABLE'");
            long issuance = system(s, circuit, "CIRCUIT_ISSUANCE");
            long redeemed = system(s, circuit, "REDEEMED");
            long expired = system(s, circuit, "EXPIRED");
            long adjustments = system(s, circuit, "ADJUSTMENTS");
            for (long from = 0; from < movements; from += CHUNK) {
                long to = Math.min(movements, from + CHUNK);
                long before = single(s, "select coalesce(max(id), 0) from journal_entry");
                // kinds by g % 20: 12 earn, 5 redeem, 2 expiry, 1 manual; 730 days back, stores and members spread
                s.execute("insert into journal_entry (circuit_id, business_key, kind, reason, member_id, company_id,"
                        + " store_id, actor, created_at) select " + circuit + ", 'bench:' || g, case when g % 20 < 12"
                        + " then 'EARN' when g % 20 < 17 then 'REDEMPTION' when g % 20 < 19 then 'EXPIRY'"
                        + " else 'MANUAL_CREDIT' end, 'bench', " + firstMember + " + g % " + MEMBERS + ", " + company
                        + ", (array[" + stores[0] + "," + stores[1] + "," + stores[2] + "," + stores[3] + "])[1 + g % 4],"
                        + " 'operator:' || (g % 7), now() - make_interval(days => ((g * 7919) % 730)::int,"
                        + " secs => (g * 104729) % 86400) from generate_series(" + from + "::bigint, " + (to - 1) + ") g");
                s.execute("insert into posting (entry_id, account_id, amount) select e.id, x.account, x.amount from"
                        + " journal_entry e cross join lateral (values (" + firstAccount + " + e.member_id - "
                        + firstMember + ", case when e.kind in ('EARN', 'MANUAL_CREDIT') then 1 else -1 end"
                        + " * (1 + e.id % 50)), (case e.kind when 'EARN' then " + issuance + " when 'REDEMPTION' then "
                        + redeemed + " when 'EXPIRY' then " + expired + " else " + adjustments + " end,"
                        + " case when e.kind in ('EARN', 'MANUAL_CREDIT') then -1 else 1 end * (1 + e.id % 50)))"
                        + " x(account, amount) where e.circuit_id = " + circuit + " and e.id > " + before);
                if (from == 0) {
                    // one lot per member, issued by the company, so the liability reads lot movements as it would
                    s.execute("insert into lot (circuit_id, account_id, issuer_company_id, entry_id, earned_at,"
                            + " amount, remaining) select " + circuit + ", a.id, " + company + ", (select min(id) from"
                            + " journal_entry where circuit_id = " + circuit + "), now(), 1000000000, 500000000 from"
                            + " account a where a.circuit_id = " + circuit + " and a.kind = 'MEMBER_AVAILABLE'");
                }
                s.execute("insert into lot_movement (lot_id, entry_id, amount) select l.id, p.entry_id, p.amount"
                        + " from posting p join lot l on l.account_id = p.account_id where p.entry_id > " + before
                        + " and p.account_id between " + firstAccount + " and " + (firstAccount + MEMBERS - 1));
                System.out.println("[bench] Reports: seeded " + to + " movements");
            }
            s.execute("analyze journal_entry");
            s.execute("analyze posting");
            s.execute("analyze lot");
            s.execute("analyze lot_movement");
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        context.getBean(PointsRollup.class).catchUp(Duration.ZERO);
        double rollupSeconds = (System.nanoTime() - t1) / 1e9;

        PointsReport report = context.getBean(PointsReport.class);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Random random = new Random(14);
        List<Double> summaries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            LocalDate from = today.minusDays(random.nextInt(730));
            LocalDate to = i % 3 == 0 ? today : from.plusDays(random.nextInt((int) (today.toEpochDay() - from.toEpochDay()) + 1));
            Long store = i % 2 == 0 ? null : stores[random.nextInt(stores.length)];
            ReportKind kind = i % 4 == 1 ? ReportKind.values()[random.nextInt(4)] : null;
            Grouping grouping = Grouping.values()[i % 3];
            ReportScope scope = new ReportScope(circuit, i % 5 == 0 ? company : null);
            long t = System.nanoTime();
            report.summary(scope, new PointsFilter(from, to, store, kind, null, null, null, grouping));
            summaries.add((System.nanoTime() - t) / 1e6);
        }

        long[] chars = {0};
        Writer counting = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                chars[0] += len;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        long t2 = System.nanoTime();
        long rows = report.rowsCsv(new ReportScope(circuit, null), new PointsFilter(today.minusDays(800), today, null,
                null, null, null, null, null), counting);
        double exportSeconds = (System.nanoTime() - t2) / 1e9;

        List<Double> dashboards = dashboard(port, email, password);
        return new Result(movements, seedSeconds, rollupSeconds, summaries, rows, exportSeconds, dashboards);
    }

    /** Signs in through the form and opens the circuit dashboard (12 weeks) a few times; the first run warms up. */
    private static List<Double> dashboard(int port, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        String token = csrf.find() ? csrf.group(1) : "";
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/analytics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("chart-points")) {
                throw new IllegalStateException("the dashboard answered " + r.statusCode());
            }
            if (i > 0) {
                times.add((System.nanoTime() - t) / 1e6);
            }
        }
        return times;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long system(Statement s, long circuit, String kind) throws SQLException {
        s.execute("insert into account (circuit_id, kind, unit, materialized) values (" + circuit + ", '" + kind
                + "', 'PTS', false) on conflict do nothing");
        return single(s, "select id from account where circuit_id = " + circuit + " and kind = '" + kind
                + "' and owner_id is null");
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
