package org.loyaltyhub.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.loyaltyhub.LoyaltyHubApplication;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * LoyaltyHub's benchmark: starts the application in this JVM on a fresh, durable (fsync on) embedded PostgreSQL,
 * sets it up through the HTTP API, loads members, then measures earning (closed loop at several client counts),
 * redemption latency (open loop at a fixed rate), balance reads and, for scale, pgbench on the same PostgreSQL.
 * It prints a summary table and exits. Run it with {@code ./mvnw -Pbench -DskipTests verify}; the knobs are system
 * properties {@code bench.*} (see {@link Config}).
 */
public final class Benchmark {

    /** The phases -Dbench.phases selects from, in the order they run. */
    static final List<String> PHASES = List.of("startup", "load", "tiers", "codes", "reliability", "backtest", "clearing", "segments", "reports", "export", "indicators", "campaigns", "import");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "bench-password-0123";
    private static final String CART = "{\"currency\":\"EUR\",\"total\":\"50.00\"}";
    private static final int REDEEM_POINTS = 10;

    /** The knobs, each a system property {@code bench.NAME} with a default. */
    record Config(int members, int loadConcurrency, int warmupSeconds, int levelWarmupSeconds, int seconds,
                  int[] concurrencies, int redeemRate, int redeemSeconds, int readConcurrency, int readSeconds,
                  String pgbench, int pgbenchScale, int pgbenchClients, int pgbenchThreads, int pgbenchSeconds,
                  int poolSize, double target, java.util.Set<String> phases, int startupRuns, int tierMembers) {

        static Config fromSystemProperties() {
            return new Config(
                    integer("members", 2000),
                    integer("loadConcurrency", 8),
                    integer("warmupSeconds", 10),
                    integer("levelWarmupSeconds", 2),
                    integer("seconds", 10),
                    Arrays.stream(System.getProperty("bench.concurrencies", "1,4,16,32").split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray(),
                    integer("redeemRate", 20),
                    integer("redeemSeconds", 15),
                    integer("readConcurrency", 16),
                    integer("readSeconds", 10),
                    System.getProperty("bench.pgbench", "auto"),
                    integer("pgbenchScale", 20),
                    integer("pgbenchClients", 8),
                    integer("pgbenchThreads", 2),
                    integer("pgbenchSeconds", 30),
                    integer("poolSize", 20),
                    Double.parseDouble(System.getProperty("bench.target", "0.35")),
                    phases(System.getProperty("bench.phases", "startup,load")),
                    integer("startupRuns", 2),
                    integer("tierMembers", 1_000_000));
        }

        /**
         * {@code startup} (the application in a JVM of its own), {@code load} (figures a to d), {@code tiers}
         * (the nightly tier recalculation over {@code tierMembers} members seeded by SQL), {@code codes} and
         * {@code segments} (a segment evaluated over {@code bench.segmentMembers} members seeded by SQL).
         */
        private static java.util.Set<String> phases(String list) {
            java.util.Set<String> phases = new java.util.TreeSet<>();
            for (String phase : list.split(",")) {
                if (!phase.isBlank()) {
                    phases.add(phase.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (phases.isEmpty() || !PHASES.containsAll(phases)) {
                throw new IllegalArgumentException("bench.phases is a list of " + String.join(", ", PHASES) + ", not "
                        + list);
            }
            return phases;
        }

        private static int integer(String name, int fallback) {
            String value = System.getProperty("bench." + name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        }
    }

    private final Config config;
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);
    private final List<String> report = new ArrayList<>();

    private Benchmark(Config config) {
        this.config = config;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new Benchmark(Config.fromSystemProperties()).run();
        } catch (Throwable e) {
            System.out.println("BENCHMARK FAILED: " + e);
            e.printStackTrace(System.out);
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    private int run() throws Exception {
        long wallStart = System.nanoTime();
        if (config.phases().contains("startup")) {
            startup = StartupTimes.measure(config.startupRuns());
        }
        if (config.phases().stream().allMatch("startup"::equals)) {
            String rule = "=".repeat(86);
            out(rule);
            out("LoyaltyHub benchmark  (run " + runTag + ", startup only)");
            out(rule);
            startupRows();
            out(rule);
            return finish(wallStart);
        }
        String externalUrl = System.getenv("LOYALTYHUB_DB_URL");
        boolean embedded = externalUrl == null || externalUrl.isBlank();
        Path dataDir = embedded ? Files.createTempDirectory("loyaltyhub-bench-") : null;
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--loyaltyhub.db.durable=true",
                "--loyaltyhub.db.pool-size=" + config.poolSize()));
        if (embedded) {
            args.add("--loyaltyhub.db.data-dir=" + dataDir);
            args.add("--loyaltyhub.db.clean-on-start=true");
            if (Boolean.getBoolean("bench.statements")) {
                args.add("--loyaltyhub.db.server-settings[shared_preload_libraries]=pg_stat_statements");
            }
        }
        if (config.phases().contains("campaigns")) {
            smtp = CampaignBench.smtp();
            args.add("--spring.mail.host=127.0.0.1");
            args.add("--spring.mail.port=" + smtp.getSmtp().getPort());
            args.add("--loyaltyhub.jobs.campaign-interval=PT24H");
        }
        say("Starting LoyaltyHub (" + (embedded ? "embedded PostgreSQL in " + dataDir : "PostgreSQL at " + externalUrl)
                + ") ...");
        long t = System.nanoTime();
        ConfigurableApplicationContext context = SpringApplication.run(LoyaltyHubApplication.class,
                args.toArray(String[]::new));
        say("Started in " + secs(System.nanoTime() - t));
        int code;
        try {
            if (config.phases().contains("load")) {
                code = measure(context, embedded, wallStart);
            } else {
                HikariDataSource ds = context.getBean(HikariDataSource.class);
                String rule = "=".repeat(86);
                out(rule);
                out("LoyaltyHub benchmark  (run " + runTag + ", " + String.join(", ", config.phases()) + ")");
                out(rule);
                out("Database      " + databaseInfo(ds, embedded) + ", app pool " + config.poolSize());
                startupRows();
                code = 0;
            }
            if (config.phases().contains("tiers")) {
                tierRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("codes")) {
                codeRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("reports")) {
                reportRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("reliability") && !reliabilityRows(context)) {
                code = 1;
            }
            if (config.phases().contains("backtest")) {
                backtestRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("clearing")) {
                clearingRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("segments")) {
                segmentRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("export")) {
                exportRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("indicators")) {
                indicatorRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("campaigns")) {
                campaignRows(context);
                out("=".repeat(86));
            }
            if (config.phases().contains("import")) {
                importRows(context);
                out("=".repeat(86));
            }
        } finally {
            context.close();
            if (dataDir != null) {
                deleteTree(dataDir);
            }
        }
        return finish(code, wallStart);
    }

    private int finish(long wallStart) throws IOException {
        return finish(0, wallStart);
    }

    private int finish(int code, long wallStart) throws IOException {
        report.add("Total wall time (start, setup, all phases, shutdown): " + secs(System.nanoTime() - wallStart));
        System.out.println();
        report.forEach(System.out::println);
        String file = System.getProperty("bench.out", "");
        if (!file.isBlank()) {
            Path out = Path.of(file);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, report);
            System.out.println("(written to " + out + ")");
        }
        return code;
    }

    private int measure(ConfigurableApplicationContext context, boolean embedded, long wallStart) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HikariDataSource ds = context.getBean(HikariDataSource.class);
        String dbInfo = databaseInfo(ds, embedded);
        try (Api api = new Api(port)) {
            // ---- first-run set-up through the API -------------------------------------------------------------
            String token = context.getBean(FirstRun.class).newToken();
            if (token == null) {
                throw new IllegalStateException("Set-up was already done on this database; the benchmark needs an "
                        + "empty one (unset LOYALTYHUB_DB_URL to use a fresh embedded PostgreSQL)");
            }
            String adminEmail = "circuit-admin-" + runTag + "@bench.example";
            ObjectNode setup = JSON.createObjectNode();
            setup.put("token", token);
            setup.set("platformAdmin", account("platform-admin-" + runTag + "@bench.example", "Bench Platform Admin"));
            ObjectNode circuit = setup.putObject("circuit");
            circuit.put("name", "Bench Circuit " + runTag);
            circuit.put("currency", "EUR");
            circuit.put("companiesKeptApart", false);
            circuit.put("budgetsEnforced", false);
            setup.set("circuitAdmin", account(adminEmail, "Bench Circuit Admin"));
            expect(api.post("/api/v1/setup", null, JSON.writeValueAsString(setup)), 201, "set-up");
            String admin = Api.basic(adminEmail, PASSWORD);

            JsonNode company = expect(api.post("/api/v1/companies", admin, "{\"name\":\"Bench Shop\"}"), 201,
                    "create company");
            long companyId = company.path("company").path("id").asLong();
            long storeId = company.path("firstStore").path("id").asLong();

            ObjectNode settings = (ObjectNode) expect(api.get("/api/v1/program/settings", admin), 200,
                    "read program settings");
            settings.put("pointsEnabled", true);
            settings.put("earnPoints", 1);
            settings.put("earnPerAmount", java.math.BigDecimal.ONE);
            settings.put("awardMoment", "PAID");
            settings.put("pendingFrom", "NONE");
            expect(api.put("/api/v1/program/settings", admin, JSON.writeValueAsString(settings)), 200,
                    "change program settings");

            JsonNode key = expect(api.post("/api/v1/api-keys", admin, "{\"name\":\"bench\",\"companyId\":" + companyId
                    + ",\"storeId\":" + storeId + "}"), 201, "issue API key");
            String shop = Api.bearer(key.path("secret").asString());
            say("Set up through the API: circuit, company " + companyId + ", store " + storeId + ", API key");

            // ---- members ------------------------------------------------------------------------------------
            long[] members = loadMembers(api, shop);

            // ---- a. earning -----------------------------------------------------------------------------------
            AtomicLong orderSeq = new AtomicLong();
            AtomicLongArray earned = new AtomicLongArray(members.length);
            LongAdder earnedOk = new LongAdder();
            Load.Call earn = () -> {
                long seq = orderSeq.getAndIncrement();
                int idx = (int) (seq % members.length);
                Api.Reply r = api.post("/api/v1/purchases", shop, "{\"orderId\":\"bench-" + runTag + "-" + seq
                        + "\",\"member\":{\"id\":" + members[idx] + "},\"currency\":\"EUR\",\"total\":\"23.40\","
                        + "\"status\":\"COMPLETED\"}");
                if (!r.is(201)) {
                    return errorLabel(r);
                }
                earnedOk.increment();
                long available = JSON.readTree(r.body()).path("points").path("available").asLong(0);
                if (available <= 0) {
                    return "201 without available points";
                }
                earned.addAndGet(idx, available);
                return null;
            };
            if (config.warmupSeconds() > 0) {
                Load.Result warm = Load.closedLoop("warmup", 8, Duration.ZERO,
                        Duration.ofSeconds(config.warmupSeconds()), earn);
                say("Warm-up: " + rate(warm.perSecond()) + " earn/s at 8 clients for " + config.warmupSeconds() + " s");
            }
            // the statistics of tables that were empty at the start (what autovacuum would do within a minute):
            // the statements' cached plans are made again on them
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("analyze");
            }
            List<Load.Result> earnResults = new ArrayList<>();
            for (int c : config.concurrencies()) {
                Load.Result r = Load.closedLoop("earn-" + c, c, Duration.ofSeconds(config.levelWarmupSeconds()),
                        Duration.ofSeconds(config.seconds()), earn);
                earnResults.add(r);
                say(String.format(Locale.ROOT, "Earn at %d clients: %s req/s, p50 %s ms, p99 %s ms, errors %d", c,
                        rate(r.perSecond()), Latencies.ms(r.latency().p50()), Latencies.ms(r.latency().p99()),
                        r.errors().total()));
            }

            // what the audit log and the tenant wall cost the earn path, at the highest client count
            int privacyClients = config.concurrencies()[config.concurrencies().length - 1];
            PrivacyCost.Result privacy = PrivacyCost.measure(context, privacyClients,
                    Duration.ofSeconds(config.levelWarmupSeconds()), Duration.ofSeconds(config.seconds()), earn);
            say("Privacy cost at " + privacyClients + " clients:");
            privacy.rows().forEach(Benchmark::say);

            boolean statements = Boolean.getBoolean("bench.statements");
            if (statements) {
                resetStatements(ds);
            }
            Probe earnProbe = probe(earn, 50);
            if (statements) {
                printStatements(ds);
            }

            // ---- b. redemption ---------------------------------------------------------------------------------
            Redemption redemption = redeem(api, shop, members, earned);

            // ---- c. balance reads ------------------------------------------------------------------------------
            AtomicLong readSeq = new AtomicLong();
            Load.Call read = () -> {
                long id = members[(int) (readSeq.getAndIncrement() % members.length)];
                Api.Reply r = api.get("/api/v1/members/" + id + "/points", shop);
                if (!r.is(200)) {
                    return errorLabel(r);
                }
                return JSON.readTree(r.body()).has("available") ? null : "200 without a balance";
            };
            Load.Result reads = Load.closedLoop("reads", config.readConcurrency(),
                    Duration.ofSeconds(config.levelWarmupSeconds()), Duration.ofSeconds(config.readSeconds()), read);
            Probe readProbe = probe(read, 50);
            say(String.format(Locale.ROOT, "Balance reads at %d clients: %s reads/s, p50 %s ms, p99 %s ms, errors %d",
                    config.readConcurrency(), rate(reads.perSecond()), Latencies.ms(reads.latency().p50()),
                    Latencies.ms(reads.latency().p99()), reads.errors().total()));

            // ---- books and cross-checks ------------------------------------------------------------------------
            JsonNode check = expect(api.get("/api/v1/ledger/check", admin), 200, "ledger check");
            long purchasesInDb = count(ds, "select count(*) from purchase");

            // ---- d. pgbench ------------------------------------------------------------------------------------
            PgResult pg = pgbench(ds);

            summarize(dbInfo, members.length, earnResults, redemption, reads, pg, check, earnedOk.sum(),
                    purchasesInDb, earnProbe, readProbe);
            out("Privacy cost (earn at " + privacyClients + " clients, issue 15):");
            privacy.rows().forEach(this::out);
            return consistent(check) ? 0 : 1;
        }
    }

    /**
     * With -Dbench.statements=true and the embedded server started with pg_stat_statements
     * (-Dloyaltyhub.db.server-settings[shared_preload_libraries]=pg_stat_statements): where PostgreSQL spent its time.
     */
    static void resetStatements(HikariDataSource ds) {
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            st.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            say("pg_stat_statements unavailable: " + e.getMessage());
        }
    }

    static void printStatements(HikariDataSource ds) {
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            try (var rs = st.executeQuery("select calls, round(total_exec_time::numeric, 0) as total_ms, "
                    + "round(mean_exec_time::numeric * 1000, 0) as mean_us, rows, "
                    + "regexp_replace(left(query, 150), '\\s+', ' ', 'g') as q from pg_stat_statements "
                    + "where query not like '%pg_stat_statements%' order by total_exec_time desc limit 25")) {
                while (rs.next()) {
                    say(String.format(Locale.ROOT, "stmt %8d calls %7d ms %6d us/call %8d rows  %s", rs.getLong(1),
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            say("pg_stat_statements unavailable: " + e.getMessage());
        }
    }

    // ---- SQL per request -------------------------------------------------------------------------------------

    /** Statements and round trips per request, averaged over {@code requests} sequential calls that succeeded. */
    record Probe(int requests, int ok, long executes, long syncs) {
        String statements() {
            return ok == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) executes / ok);
        }

        String roundTrips() {
            return ok == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) syncs / ok);
        }
    }

    private static Probe probe(Load.Call call, int requests) throws Exception {
        int ok = 0;
        try (SqlProbe probe = new SqlProbe()) {
            for (int i = 0; i < requests; i++) {
                if (call.run() == null) {
                    ok++;
                }
            }
            Probe p = new Probe(requests, ok, probe.executes(), probe.syncs());
            say("SQL probe: " + p.statements() + " statements, " + p.roundTrips() + " round trips per request");
            return p;
        }
    }

    // ---- members ---------------------------------------------------------------------------------------------

    private long membersSeconds;
    private Load.Errors memberErrors;

    private long[] loadMembers(Api api, String shop) throws InterruptedException {
        int n = config.members();
        long[] ids = new long[n];
        AtomicInteger next = new AtomicInteger();
        Load.Errors errors = new Load.Errors();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, config.loadConcurrency()); w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    try {
                        Api.Reply r = api.post("/api/v1/members", shop, "{\"firstName\":\"Member\",\"lastName\":\"N"
                                + i + "\",\"email\":\"m" + i + "." + runTag + "@bench.example\"}");
                        if (r.is(201)) {
                            ids[i] = JSON.readTree(r.body()).path("id").asLong();
                        } else {
                            errors.add(errorLabel(r));
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        errors.add(Load.label(e));
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        membersSeconds = System.nanoTime() - start;
        memberErrors = errors;
        long[] loaded = Arrays.stream(ids).filter(id -> id > 0).toArray();
        say(String.format(Locale.ROOT, "Loaded %d members in %s (%s/s), errors %d %s", loaded.length,
                secs(membersSeconds), rate(loaded.length / (membersSeconds / 1e9)), errors.total(), errors));
        if (loaded.length == 0) {
            throw new IllegalStateException("No member could be enrolled: " + errors);
        }
        return loaded;
    }

    // ---- redemption ------------------------------------------------------------------------------------------

    record Redemption(int planned, long completed, Latencies.Summary sequence, Latencies.Summary quote,
                      Latencies.Summary hold, Latencies.Summary capture, Load.Errors errors) {
    }

    private Redemption redeem(Api api, String shop, long[] members, AtomicLongArray earned)
            throws InterruptedException {
        int planned = config.redeemRate() * config.redeemSeconds();
        Latencies sequence = new Latencies();
        Latencies quote = new Latencies();
        Latencies hold = new Latencies();
        Latencies capture = new Latencies();
        Load.Errors errors = new Load.Errors();
        LongAdder completed = new LongAdder();
        AtomicLongArray left = new AtomicLongArray(members.length);
        for (int i = 0; i < members.length; i++) {
            left.set(i, earned.get(i));
        }
        AtomicInteger cursor = new AtomicInteger();
        Load.openLoop(planned, config.redeemRate(), (n, intended) -> {
            int idx = pickMemberWithPoints(left, cursor);
            if (idx < 0) {
                errors.add("no member with points left");
                return;
            }
            String member = "{\"id\":" + members[idx] + "}";
            try {
                long t0 = System.nanoTime();
                Api.Reply q = api.post("/api/v1/redemptions/quote", shop,
                        "{\"member\":" + member + ",\"cart\":" + CART + "}");
                long t1 = System.nanoTime();
                if (!q.is(200)) {
                    errors.add("quote " + errorLabel(q));
                    return;
                }
                quote.add(t1 - t0);
                JsonNode qn = JSON.readTree(q.body());
                if (!qn.path("allowed").asBoolean(false)) {
                    errors.add("quote refused " + qn.path("code").asString(""));
                    return;
                }
                Api.Reply h = api.post("/api/v1/redemptions", shop, "{\"member\":" + member + ",\"cart\":" + CART
                        + ",\"points\":" + REDEEM_POINTS + "}");
                long t2 = System.nanoTime();
                if (!h.is(201)) {
                    errors.add("hold " + errorLabel(h));
                    return;
                }
                hold.add(t2 - t1);
                long id = JSON.readTree(h.body()).path("id").asLong();
                Api.Reply c = api.post("/api/v1/redemptions/" + id + "/capture", shop, "{}");
                long t3 = System.nanoTime();
                if (!c.is(200)) {
                    errors.add("capture " + errorLabel(c));
                    return;
                }
                if (!"CAPTURED".equals(JSON.readTree(c.body()).path("status").asString(""))) {
                    errors.add("capture not CAPTURED");
                    return;
                }
                capture.add(t3 - t2);
                sequence.add(t3 - intended);
                completed.increment();
            } catch (InterruptedException e) {
                errors.add("interrupted (still running at the end)");
            } catch (Exception e) {
                errors.add(Load.label(e));
            }
        });
        Redemption r = new Redemption(planned, completed.sum(), sequence.summary(), quote.summary(), hold.summary(),
                capture.summary(), errors);
        say(String.format(Locale.ROOT, "Redemptions: %d of %d sequences at %d/s, p50 %s ms, p99 %s ms, errors %d",
                r.completed(), planned, config.redeemRate(), Latencies.ms(r.sequence().p50()),
                Latencies.ms(r.sequence().p99()), errors.total()));
        return r;
    }

    /** The next member, round robin, who still has the points for one redemption; reserves them. */
    private static int pickMemberWithPoints(AtomicLongArray left, AtomicInteger cursor) {
        int n = left.length();
        for (int tries = 0; tries < n; tries++) {
            int idx = Math.floorMod(cursor.getAndIncrement(), n);
            long have = left.get(idx);
            if (have >= REDEEM_POINTS && left.compareAndSet(idx, have, have - REDEEM_POINTS)) {
                return idx;
            }
        }
        return -1;
    }

    // ---- pgbench ---------------------------------------------------------------------------------------------

    record PgResult(boolean ran, double tps, String note, long transactions, CpuMeter.Sample cpu) {
    }

    private PgResult pgbench(HikariDataSource ds) {
        Optional<Path> exe = PgBench.find(config.pgbench());
        if (exe.isEmpty()) {
            String why = "off".equalsIgnoreCase(config.pgbench()) ? "switched off (bench.pgbench=off)"
                    : "pgbench not found (" + config.pgbench() + "); install postgresql-client to get it";
            say("pgbench: " + why);
            return new PgResult(false, 0, why, 0, null);
        }
        try {
            PgBench.Target target = PgBench.target(ds);
            PgBench.createDatabase(ds);
            say(String.format(Locale.ROOT, "pgbench: initialising scale %d, then %d clients / %d threads for %d s "
                            + "on %s:%d ...", config.pgbenchScale(), config.pgbenchClients(), config.pgbenchThreads(),
                    config.pgbenchSeconds(), target.host(), target.port()));
            PgBench.Outcome o = PgBench.run(exe.get(), target, config.pgbenchScale(), config.pgbenchClients(),
                    config.pgbenchThreads(), config.pgbenchSeconds());
            say("pgbench: tps " + rate(o.tps()) + " (" + o.detail() + ")");
            return new PgResult(true, o.tps(), o.detail(), o.transactions(), o.cpu());
        } catch (Exception e) {
            say("pgbench failed: " + e.getMessage());
            return new PgResult(false, 0, "failed: " + firstLine(e.getMessage()), 0, null);
        }
    }

    // ---- the table -------------------------------------------------------------------------------------------

    private void summarize(String dbInfo, int members, List<Load.Result> earn, Redemption red, Load.Result reads,
                           PgResult pg, JsonNode check, long earnedOk, long purchasesInDb, Probe earnProbe,
                           Probe readProbe) {
        String rule = "=".repeat(86);
        out(rule);
        out("LoyaltyHub benchmark  (run " + runTag + ")");
        out(rule);
        out(String.format(Locale.ROOT, "Machine       %d cores, Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        out("Database      " + dbInfo + ", app pool " + config.poolSize());
        startupRows();
        out(String.format(Locale.ROOT, "Members       %d enrolled through the API in %s (%s/s), errors %d", members,
                secs(membersSeconds), rate(members / (membersSeconds / 1e9)), memberErrors.total()));
        out("");
        out(String.format(Locale.ROOT, "a. Earn  POST /api/v1/purchases, closed loop, %d s per level after %d s warm-up",
                config.seconds(), config.levelWarmupSeconds()));
        out(String.format(Locale.ROOT, "   %8s %10s %10s %10s %10s %8s   %s", "clients", "req/s", "p50 ms", "p99 ms",
                "max ms", "errors", "CPU us/req: JVM (app + load) / PostgreSQL / machine"));
        for (Load.Result r : earn) {
            out(String.format(Locale.ROOT, "   %8d %10s %10s %10s %10s %8d   %s", r.concurrency(), rate(r.perSecond()),
                    Latencies.ms(r.latency().p50()), Latencies.ms(r.latency().p99()),
                    Latencies.ms(r.latency().maxMs()), r.errors().total(), r.cpu().perRequest(r.calls())));
        }
        earn.stream().filter(r -> r.errors().total() > 0).forEach(r ->
                out("   errors at " + r.concurrency() + " clients: " + r.errors()));
        Load.Result best = earn.stream().max(Comparator.comparingDouble(Load.Result::perSecond)).orElse(null);
        double bestRate = best == null ? 0 : best.perSecond();
        out(best == null ? "   best: -" : String.format(Locale.ROOT, "   best earn rate: %s req/s at %d clients",
                rate(bestRate), best.concurrency()));
        out("");
        out(String.format(Locale.ROOT, "b. Redemption  quote + hold %d points + capture, open loop %d sequences/s for %d s",
                REDEEM_POINTS, config.redeemRate(), config.redeemSeconds()));
        out(String.format(Locale.ROOT, "   %-10s %8s %10s %10s %10s", "call", "ok", "p50 ms", "p99 ms", "max ms"));
        row("sequence", red.sequence());
        row("quote", red.quote());
        row("hold", red.hold());
        row("capture", red.capture());
        out(String.format(Locale.ROOT, "   %d of %d sequences completed, errors %d%s", red.completed(), red.planned(),
                red.errors().total(), red.errors().total() > 0 ? ": " + red.errors() : ""));
        out("");
        out(String.format(Locale.ROOT, "c. Balance reads  GET /api/v1/members/{id}/points, %d clients, %d s",
                config.readConcurrency(), config.readSeconds()));
        out(String.format(Locale.ROOT, "   %s reads/s, p50 %s ms, p99 %s ms, max %s ms, errors %d%s",
                rate(reads.perSecond()), Latencies.ms(reads.latency().p50()), Latencies.ms(reads.latency().p99()),
                Latencies.ms(reads.latency().maxMs()), reads.errors().total(),
                reads.errors().total() > 0 ? ": " + reads.errors() : ""));
        out("");
        if (pg.ran()) {
            out(String.format(Locale.ROOT, "d. pgbench  TPC-B-like, scale %d, %d clients, %d threads, %d s, same server",
                    config.pgbenchScale(), config.pgbenchClients(), config.pgbenchThreads(), config.pgbenchSeconds()));
            out("   tps " + rate(pg.tps()) + "  (" + pg.note() + ")");
            // pgbench's own backends end with it, before the second reading: only the machine's figure is whole
            out("   CPU us/transaction, whole machine (pgbench client included): " + (pg.cpu() == null || pg.transactions() == 0
                    ? "-" : String.format(Locale.ROOT, "%.0f", pg.cpu().machineBusy() / 1e3 / pg.transactions())));
            double ratio = bestRate / pg.tps();
            out(String.format(Locale.ROOT, "   ratio best earn / pgbench tps = %.2f  (target >= %.2f: %s)", ratio,
                    config.target(), ratio >= config.target() ? "MET" : "NOT MET"));
        } else {
            out("d. pgbench  skipped: " + pg.note() + "; no ratio");
        }
        out("");
        boolean consistent = consistent(check);
        out(String.format(Locale.ROOT, "Ledger check  %s  (%d entries, %d accounts, %d lots)%s",
                consistent ? "CONSISTENT" : "INCONSISTENT", check.path("entries").asLong(),
                check.path("accounts").asLong(), check.path("lots").asLong(),
                consistent ? "" : ": " + check.path("differences")));
        out(String.format(Locale.ROOT, "SQL/request   earn %s statements in %s round trips, balance read %s in %s "
                        + "(JDBC driver trace over %d sequential requests each)", earnProbe.statements(),
                earnProbe.roundTrips(), readProbe.statements(), readProbe.roundTrips(), earnProbe.requests()));
        out(String.format(Locale.ROOT, "Purchases     %d answered 201 to the client (all phases), %d rows in the database",
                earnedOk, purchasesInDb));
        out(rule);
    }

    /** The tiers phase: seeds its members by SQL, runs the nightly recalculation once, and prints its row. */
    private void tierRows(ConfigurableApplicationContext context) throws SQLException {
        say("Tiers: seeding " + config.tierMembers() + " members with 12 months of activity ...");
        TierBench.Result r = TierBench.run(context, context.getBean(HikariDataSource.class), config.tierMembers());
        say(String.format(Locale.ROOT, "Tiers: recalculated %d members in %.1f s (%s members/s)", r.run().members(),
                r.seconds(), rate(r.perSecond())));
        out("");
        out(String.format(Locale.ROOT, "e. Tiers  nightly recalculation, %d members (%d activity rows, seeded by SQL in "
                + "%.1f s), 4 tiers, rolling 12 months", r.members(), r.activityRows(), r.seedSeconds()));
        out(String.format(Locale.ROOT, "   %.1f s, %s members/s: %d up, %d down  (target <= 300 s: %s)", r.seconds(),
                rate(r.perSecond()), r.run().up(), r.run().down(), r.seconds() <= 300 ? "MET" : "NOT MET"));
    }

    /** The indicators phase (issue 14 §3): members and purchases seeded by SQL, then one nightly indicators run. */
    private void indicatorRows(ConfigurableApplicationContext context) throws Exception {
        long members = Long.getLong("bench.indicatorMembers", 1_000_000L);
        long purchases = Long.getLong("bench.indicatorPurchases", 20_000_000L);
        say("Indicators: seeding " + members + " members and " + purchases + " purchases ...");
        IndicatorsBench.Result r = IndicatorsBench.run(context, context.getBean(HikariDataSource.class), members,
                purchases);
        out("");
        out(String.format(Locale.ROOT, "l. Indicators  %d members, %d purchases over 3 years (seeded by SQL in %.1f s)",
                r.members(), r.purchases(), r.seedSeconds()));
        out(String.format(Locale.ROOT, "   nightly indicators + RFM: %.1f s, %d members scored in %d segments  "
                + "(target <= 300 s: %s); again the same day: %.2f s", r.seconds(), r.scored(), r.segments(),
                r.seconds() <= 300 ? "MET" : "NOT MET", r.againSeconds()));
    }

    /** The reports phase (issue 14): movements seeded by SQL, rolled up, then summaries, the export and the dashboard. */
    private void reportRows(ConfigurableApplicationContext context) throws Exception {
        long movements = Long.getLong("bench.reportMovements", 20_000_000L);
        say("Reports: seeding " + movements + " movements ...");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
        ReportsBench.Result r = ReportsBench.run(context, context.getBean(HikariDataSource.class), port, movements);
        out("");
        out(String.format(Locale.ROOT, "k. Reports  %d movements (seeded by SQL in %.1f s), rolled up in %.1f s",
                r.movements(), r.seedSeconds(), r.rollupSeconds()));
        double p50 = ReportsBench.percentile(r.summaryMillis(), 0.5);
        double max = ReportsBench.percentile(r.summaryMillis(), 1.0);
        out(String.format(Locale.ROOT, "   points summary, %d random ranges and filters: p50 %.1f ms, max %.1f ms  "
                + "(target <= 500 ms: %s)", r.summaryMillis().size(), p50, max, max <= 500 ? "MET" : "NOT MET"));
        out(String.format(Locale.ROOT, "   row export: %d rows in %.1f s, %s rows/s  (target >= 50,000/s: %s)",
                r.exportedRows(), r.exportSeconds(), rate(r.exportPerSecond()),
                r.exportPerSecond() >= 50_000 ? "MET" : "NOT MET"));
        double dash = ReportsBench.percentile(r.dashboardMillis(), 0.5);
        double dashMax = ReportsBench.percentile(r.dashboardMillis(), 1.0);
        out(String.format(Locale.ROOT, "   circuit dashboard (12 weeks) over HTTP: p50 %.1f ms, max %.1f ms  "
                + "(target <= 300 ms: %s)", dash, dashMax, dashMax <= 300 ? "MET" : "NOT MET"));
    }

    private void codeRows(ConfigurableApplicationContext context) throws Exception {
        int codes = Integer.getInteger("bench.codes", 100_000);
        say("Codes: generating " + codes + " unique codes for a campaign ...");
        CodesBench.Result r = CodesBench.run(context, context.getBean(HikariDataSource.class), codes);
        out("");
        out(String.format(Locale.ROOT, "f. Codes  %d unique campaign codes (batches of multi-row inserts)", r.codes()));
        out(String.format(Locale.ROOT, "   %.1f s, %s codes/s  (target <= 10 s: %s); a counter inserting vouchers "
                        + "meanwhile: %d inserts, slowest %.1f ms", r.seconds(), rate(r.perSecond()),
                r.seconds() <= 10 ? "MET" : "NOT MET", r.counterInserts(), r.counterMaxMillis()));
    }

    /** The reliability summary: each race, what must hold, what was seen; false when one failed. */
    private boolean reliabilityRows(ConfigurableApplicationContext context) throws Exception {
        say("Reliability: racing 32 clients on the last units of a reward and on one wallet ...");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        List<ReliabilityBench.Row> rows = ReliabilityBench.run(context.getBean(org.loyaltyhub.tenancy.Tenancy.class),
                port, runTag, PASSWORD);
        out("");
        out("g. Reliability summary  (races through the HTTP API, each ends with the ledger check)");
        for (ReliabilityBench.Row r : rows) {
            out(String.format(Locale.ROOT, "   %-4s %s  (%.2f s)", r.passed() ? "PASS" : "FAIL", r.race(), r.seconds()));
            out("        must: " + r.expected());
            out("        seen: " + r.seen());
        }
        out("=".repeat(86));
        return rows.stream().allMatch(ReliabilityBench.Row::passed);
    }

    private void backtestRows(ConfigurableApplicationContext context) throws Exception {
        int purchases = Integer.getInteger("bench.backtestPurchases", 1_000_000);
        say("Backtest: seeding " + purchases + " purchases over 30 days ...");
        BacktestBench.Result r = BacktestBench.run(context, context.getBean(HikariDataSource.class), purchases);
        out("");
        out(String.format(Locale.ROOT, "h. Backtest  dry run of a promotion over %d purchases of 30 days (seeded by SQL in "
                + "%.1f s): spend, days of the week, 2 a week per member, a budget", r.purchases(), r.seedSeconds()));
        out(String.format(Locale.ROOT, "   %.1f s: %d applied, %d members, %d points  (target <= 30 s: %s)", r.seconds(),
                r.run().applied(), r.run().members(), r.run().points(), r.seconds() <= 30 ? "MET" : "NOT MET"));
    }

    /** The clearing phase: seeds redemptions by SQL, folds them, times the report, and prints its rows. */
    private void clearingRows(ConfigurableApplicationContext context) throws SQLException {
        int companies = Integer.getInteger("bench.clearingCompanies", 50);
        long redemptions = Long.getLong("bench.clearingRedemptions", 5_000_000L);
        say("Clearing: seeding " + redemptions + " redemptions between " + companies + " companies ...");
        ClearingBench.Result r = ClearingBench.run(context, context.getBean(HikariDataSource.class), companies,
                redemptions);
        out("");
        out(String.format(Locale.ROOT, "i. Clearing  %d companies, %d redemptions over 365 days (seeded by SQL in "
                + "%.1f s), folded into %d daily rows in %.1f s", r.companies(), r.redemptions(), r.seedSeconds(),
                r.dailyRows(), r.foldSeconds()));
        out(String.format(Locale.ROOT, "   report, last month: median %.0f ms, slowest %.0f ms, %d positions  "
                + "(target <= 1 s: %s)", r.monthMillis()[0], r.monthMillis()[1], r.monthPositions(),
                r.monthMillis()[1] <= 1000 ? "MET" : "NOT MET"));
        out(String.format(Locale.ROOT, "   report, whole year: median %.0f ms, slowest %.0f ms, %d positions",
                r.yearMillis()[0], r.yearMillis()[1], r.yearPositions()));
    }

    /** The export phase (issue 15): one member with 10,000 movements exported as a ZIP, timed. */
    private void exportRows(ConfigurableApplicationContext context) {
        int movements = Integer.getInteger("bench.exportMovements", 10_000);
        say("Export: posting " + movements + " movements for one member ...");
        ExportBench.Result r = ExportBench.run(context, movements);
        out("");
        out(String.format(Locale.ROOT, "k. Export  one member with %d movements (posted in %.1f s): ZIP of %d KB "
                + "(JSON, CSV, HTML)", r.movements(), r.seedSeconds(), r.zipBytes() / 1024));
        out(String.format(Locale.ROOT, "   median %.0f ms, slowest %.0f ms over %d runs  (target <= 1 s: %s)",
                r.medianMillis(), r.slowestMillis(), ExportBench.RUNS, r.slowestMillis() <= 1000 ? "MET" : "NOT MET"));
    }

    /** The segments phase: seeds its members by SQL, evaluates a segment of six conditions, and prints its rows. */
    private void segmentRows(ConfigurableApplicationContext context) throws SQLException {
        int members = Integer.getInteger("bench.segmentMembers", 1_000_000);
        say("Segments: seeding " + members + " members with balances, tiers, consents, facts and activity ...");
        SegmentBench.Result r = SegmentBench.run(context, context.getBean(HikariDataSource.class), members);
        out("");
        out(String.format(Locale.ROOT, "j. Segments  count + first page of 50, 6 conditions in 2 groups (balance, "
                + "purchases in 3 months, consent, tier; age group or city), %d members (%d activity rows; seeded by "
                + "SQL in %.1f s): %d fit", r.members(), r.activityRows(), r.seedSeconds(), r.total()));
        out(String.format(Locale.ROOT, "   first %.2f s, then at most %.2f s over %d runs  (target <= 2 s: %s)",
                r.first(), r.worstWarm(), SegmentBench.RUNS, Math.max(r.first(), r.worstWarm()) <= 2 ? "MET"
                        : "NOT MET"));
    }

    private com.icegreen.greenmail.util.GreenMail smtp;

    /** The campaigns phase: a campaign to {@code bench.campaignMembers} members queued, then sent through GreenMail. */
    private void campaignRows(ConfigurableApplicationContext context) throws Exception {
        int members = Integer.getInteger("bench.campaignMembers", 100_000);
        int perMinute = Integer.getInteger("bench.campaignPerMinute", 1_200);
        int seconds = Integer.getInteger("bench.campaignSeconds", 30);
        say("Campaigns: seeding " + members + " members with an address and the marketing consent ...");
        CampaignBench.Result r = CampaignBench.run(context, context.getBean(HikariDataSource.class), smtp, members,
                perMinute, seconds);
        smtp.stop();
        out("");
        out(String.format(Locale.ROOT, "l. Campaigns  one e-mail campaign to %d members (seeded by SQL in %.1f s): "
                + "%d recipients queued in %.2f s  (target <= 10 s: %s)", r.members(), r.seedSeconds(), r.queued(),
                r.queueSeconds(), r.queueSeconds() <= 10 ? "MET" : "NOT MET"));
        out(String.format(Locale.ROOT, "   at %d a minute for %.0f s: %d put in the outbox (%.1f/s), %d delivered to "
                + "GreenMail (%.1f messages/s); then the outbox alone delivered %d more in %.0f s (%.1f messages/s)",
                r.perMinute(), r.seconds(), r.outboxed(), r.outboxedPerSecond(), r.delivered(),
                r.deliveredPerSecond(), r.drained(), r.drainSeconds(), r.drainedPerSecond()));
    }

    /** The import phase (issue 17): a CSV of {@code bench.importMembers} members with balances, dry run and real run. */
    private void importRows(ConfigurableApplicationContext context) throws Exception {
        int members = Integer.getInteger("bench.importMembers", 1_000_000);
        say("Import: writing a CSV of " + members + " members with opening balances, then uploading it ...");
        boolean statements = Boolean.getBoolean("bench.statements");
        HikariDataSource ds = context.getBean(HikariDataSource.class);
        if (statements) {
            resetStatements(ds);
        }
        ImportBench.Result r;
        try (SqlProbe probe = statements ? new SqlProbe() : null) {
            r = ImportBench.run(context, ((WebServerApplicationContext) context).getWebServer().getPort(), members);
            if (probe != null) {
                say(String.format(Locale.ROOT, "Import: %.1f statements and %.1f round trips per row (dry runs, "
                        + "real runs and polling; traced, so slower)", (double) probe.executes() / members,
                        (double) probe.syncs() / members));
            }
        }
        if (statements) {
            printStatements(ds);
        }
        out("");
        out(String.format(Locale.ROOT, "o. Import  CSV of %d members with e-mail, phone, consent and opening balance "
                + "(%d MB, uploaded in %d parts of <= %d rows): dry run %.1f s", r.members(),
                r.fileBytes() / (1024 * 1024), r.parts(), ImportBench.PART_ROWS, r.dryRunSeconds()));
        out(String.format(Locale.ROOT, "   real run %.1f s, %.0f rows/s: %d imported, %d refused, %d points  "
                + "(target 1,000,000 in <= 300 s, %.0f rows/s: %s)", r.runSeconds(), r.rowsPerSecond(), r.imported(),
                r.refused(), r.points(), 1_000_000 / 300.0, r.rowsPerSecond() * 300 >= 1_000_000 ? "MET"
                        : "NOT MET"));
    }

    private List<StartupTimes.Start> startup = List.of();

    /** The startup phase's rows, when it ran. */
    private void startupRows() {
        if (startup.isEmpty()) {
            return;
        }
        out("Startup       a JVM of its own, embedded PostgreSQL (fsync on), launch to the log's ready line");
        out(String.format(Locale.ROOT, "   %-12s %10s %10s %10s", "start", "ready s", "Spring s", "stop s"));
        for (StartupTimes.Start s : startup) {
            out(String.format(Locale.ROOT, "   %-12s %10.1f %10.1f %10.1f", s.kind(), s.wallNanos() / 1e9,
                    s.springSeconds(), s.stopNanos() / 1e9));
        }
    }

    private void row(String name, Latencies.Summary s) {
        out(String.format(Locale.ROOT, "   %-10s %8d %10s %10s %10s", name, s.count(), Latencies.ms(s.p50()),
                Latencies.ms(s.p99()), Latencies.ms(s.maxMs())));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static ObjectNode account(String email, String name) {
        ObjectNode a = JSON.createObjectNode();
        a.put("email", email);
        a.put("name", name);
        a.put("password", PASSWORD);
        return a;
    }

    private static boolean consistent(JsonNode check) {
        return check.path("differences").isArray() && check.path("differences").isEmpty();
    }

    static JsonNode expect(Api.Reply reply, int status, String what) {
        if (!reply.is(status)) {
            throw new IllegalStateException(what + ": expected HTTP " + status + " but got " + reply.status() + ": "
                    + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    /** "HTTP 409 order-of-another-member": the status and the problem code, when the body has one. */
    private static String errorLabel(Api.Reply r) {
        String code = "";
        try {
            code = JSON.readTree(r.body()).path("code").asString("");
        } catch (RuntimeException ignored) {
            // not JSON
        }
        return "HTTP " + r.status() + (code.isEmpty() ? "" : " " + code);
    }

    private static String databaseInfo(HikariDataSource ds, boolean embedded) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return "PostgreSQL " + show(s, "server_version") + (embedded ? " embedded" : " external")
                    + ", fsync=" + show(s, "fsync") + ", synchronous_commit=" + show(s, "synchronous_commit")
                    + ", shared_buffers=" + show(s, "shared_buffers");
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: it is a temporary directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    private void out(String line) {
        report.add(line);
    }
}
