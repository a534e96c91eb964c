package org.loyaltyhub.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the audit log and the tenant wall cost the earn path (issue 15: at most 5 %): the same closed loop of earning
 * as shipped, with the audit log's insert turned into nothing (a rule on the table, so the request path is otherwise
 * unchanged), and with the tenant wall off too (every connection from the owner's pool, none walled); each mode twice.
 */
final class PrivacyCost {

    /** Each mode's two runs. */
    /**
     * {@code auditMillis}: the database time the audit inserts took in each shipped run (from pg_stat_statements, with
     * -Dbench.statements=true; empty otherwise), set against the CPU (the JVM, which also runs the load's clients, and
     * PostgreSQL) of the same calls, warm-up included on both sides: a share of the work that does not move with the
     * run-to-run noise of the throughput.
     */
    record Result(List<Load.Result> shipped, List<Load.Result> noAudit, List<Load.Result> noAuditNoWall,
                  List<Double> auditMillis) {

        /** The audit inserts' time over the CPU of the shipped runs' earns (0..1), or NaN without the statements. */
        double auditShare() {
            if (auditMillis.size() != shipped.size()) {
                return Double.NaN;
            }
            double auditNanos = auditMillis.stream().mapToDouble(Double::doubleValue).sum() * 1e6;
            double cpuNanos = shipped.stream().mapToDouble(r -> r.cpu().jvm() + r.cpu().postgres()).sum();
            return cpuNanos <= 0 ? Double.NaN : auditNanos / cpuNanos;
        }

        double auditCost() {
            return 1 - rate(shipped) / rate(noAudit);
        }

        double wallCost() {
            return 1 - rate(noAudit) / rate(noAuditNoWall);
        }

        List<String> rows() {
            return List.of(
                    row("as shipped (audit log + tenant wall)", shipped),
                    row("without the audit insert", noAudit),
                    row("without the audit insert nor the wall", noAuditNoWall),
                    String.format(Locale.ROOT, "  cost of the audit log %.1f %%, of the tenant wall %.1f %% (issue 15: audit <= 5 %%; the wall has no target)",
                            auditCost() * 100, wallCost() * 100),
                    Double.isNaN(auditShare()) ? "  audit inserts' share of each earn's CPU: run with -Dbench.statements=true"
                            : String.format(Locale.ROOT, "  audit inserts: %.0f us of database time per earn, %.1f %% of the"
                                    + " %.0f us of CPU (application + PostgreSQL) each earn costs", auditPerEarnMicros(),
                            auditShare() * 100, cpuPerEarnMicros()));
        }

        private double auditPerEarnMicros() {
            return auditMillis.stream().mapToDouble(Double::doubleValue).sum() * 1e3
                    / shipped.stream().mapToLong(Load.Result::calls).sum();
        }

        private double cpuPerEarnMicros() {
            return shipped.stream().mapToDouble(r -> r.cpu().jvm() + r.cpu().postgres()).sum() / 1e3
                    / shipped.stream().mapToLong(Load.Result::calls).sum();
        }

        /** Both runs' requests over both runs' time. */
        private static double rate(List<Load.Result> runs) {
            return runs.stream().mapToLong(Load.Result::ok).sum() / runs.stream().mapToDouble(Load.Result::seconds).sum();
        }

        private static String row(String label, List<Load.Result> runs) {
            return String.format(Locale.ROOT, "  %-40s %8.0f earn/s (runs %s)  p50 %s ms  p99 %s ms  errors %d", label,
                    rate(runs), runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.perSecond()))
                            .collect(java.util.stream.Collectors.joining(" and ")),
                    runs.stream().map(r -> Latencies.ms(r.latency().p50())).collect(java.util.stream.Collectors.joining("/")),
                    runs.stream().map(r -> Latencies.ms(r.latency().p99())).collect(java.util.stream.Collectors.joining("/")),
                    runs.stream().mapToLong(r -> r.errors().total()).sum());
        }
    }

    private final HikariDataSource owner;
    private final Object wall;
    private final Object walledPools;

    private PrivacyCost(ConfigurableApplicationContext context) throws ReflectiveOperationException {
        this.owner = context.getBean(HikariDataSource.class);
        this.wall = context.getBean("circuitScopedDataSource");
        this.walledPools = pools().get(wall);
    }

    /**
     * Each mode twice, in the order shipped, no audit, neither, then back (neither, no audit, shipped), so that neither
     * the warmest JIT nor the grown tables favour one; the statistics are fresh before (the statements' cached plans
     * were made on the nearly empty tables of the start, and the first mode would otherwise run on them).
     */
    static Result measure(ConfigurableApplicationContext context, int clients, Duration warmup, Duration time,
                          Load.Call earn) throws Exception {
        PrivacyCost cost = new PrivacyCost(context);
        HikariDataSource ds = cost.owner;
        sql(ds, "analyze");
        List<Double> auditMillis = new java.util.ArrayList<>();
        Load.Result shipped1 = closedLoop(ds, "privacy-shipped", clients, warmup, time, earn);
        auditTime(ds).ifPresent(auditMillis::add);
        Load.Result noAudit1 = cost.withoutAudit(() -> closedLoop(ds, "privacy-no-audit", clients, warmup, time, earn));
        Load.Result neither1 = cost.withoutAudit(() -> cost.withoutWall(
                () -> closedLoop(ds, "privacy-neither", clients, warmup, time, earn)));
        Load.Result neither2 = cost.withoutAudit(() -> cost.withoutWall(
                () -> closedLoop(ds, "privacy-neither (2)", clients, warmup, time, earn)));
        Load.Result noAudit2 = cost.withoutAudit(
                () -> closedLoop(ds, "privacy-no-audit (2)", clients, warmup, time, earn));
        Load.Result shipped2 = closedLoop(ds, "privacy-shipped (2)", clients, warmup, time, earn);
        auditTime(ds).ifPresent(auditMillis::add);
        return new Result(List.of(shipped1, shipped2), List.of(noAudit1, noAudit2), List.of(neither1, neither2),
                auditMillis);
    }

    /**
     * The time the audit inserts took in the run just ended (its statements were reset as it started), warm-up
     * included as in the CPU sample; empty without pg_stat_statements.
     */
    private static java.util.Optional<Double> auditTime(HikariDataSource ds) {
        if (!Boolean.getBoolean("bench.statements")) {
            return java.util.Optional.empty();
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select coalesce(sum(total_exec_time), 0) from pg_stat_statements "
                     + "where query ilike 'insert into audit_record%'")) {
            rs.next();
            return java.util.Optional.of(rs.getDouble(1));
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
    }

    private interface Run {
        Load.Result run() throws Exception;
    }

    /**
     * The audit log's insert turned into nothing (a rule on the table) while {@code run} runs. A statement prepared
     * under such a rule keeps its empty plan after the rule is dropped (PostgreSQL records no dependency on the table
     * for it), so every pooled connection is replaced afterwards: the next mode writes its audit records again.
     */
    private Load.Result withoutAudit(Run run) throws Exception {
        sql(owner, "create rule bench_no_audit as on insert to audit_record do instead nothing");
        try {
            return run.run();
        } finally {
            sql(owner, "drop rule bench_no_audit on audit_record");
            owner.getHikariPoolMXBean().softEvictConnections();
            for (var component : walledPools.getClass().getRecordComponents()) {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                ((HikariDataSource) accessor.invoke(walledPools)).getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    /**
     * The bench alone switches the wall off (every request on the owner's pool, as if no wall were built) and on
     * again, by the data source's private field.
     */
    private Load.Result withoutWall(Run run) throws Exception {
        pools().set(wall, null);
        try {
            return run.run();
        } finally {
            pools().set(wall, walledPools);
        }
    }

    private java.lang.reflect.Field pools() throws NoSuchFieldException {
        var field = wall.getClass().getDeclaredField("pools");
        field.setAccessible(true);
        return field;
    }

    /** One measured loop; with -Dbench.statements=true, the statements it spent its time in (to compare the modes). */
    private static Load.Result closedLoop(HikariDataSource ds, String name, int clients, Duration warmup, Duration time,
                                          Load.Call earn) throws Exception {
        boolean statements = Boolean.getBoolean("bench.statements");
        if (statements) {
            Benchmark.resetStatements(ds);
        }
        Load.Result r = Load.closedLoop(name, clients, warmup, time, earn);
        if (statements) {
            System.out.println("[bench] statements of " + name + ":");
            Benchmark.printStatements(ds);
        }
        return r;
    }

    private static void sql(HikariDataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
