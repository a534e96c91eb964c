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
 * unchanged), and with the tenant wall off too (every connection from the owner's pool, none walled).
 */
final class PrivacyCost {

    record Result(Load.Result shipped, Load.Result noAudit, Load.Result noAuditNoWall) {

        double auditCost() {
            return 1 - shipped.perSecond() / noAudit.perSecond();
        }

        double wallCost() {
            return 1 - noAudit.perSecond() / noAuditNoWall.perSecond();
        }

        List<String> rows() {
            return List.of(
                    row("as shipped (audit log + tenant wall)", shipped),
                    row("without the audit insert", noAudit),
                    row("without the audit insert nor the wall", noAuditNoWall),
                    String.format(Locale.ROOT, "  cost of the audit log %.1f %%, of the tenant wall %.1f %% (target <= 5 %% each)",
                            auditCost() * 100, wallCost() * 100));
        }

        private static String row(String label, Load.Result r) {
            return String.format(Locale.ROOT, "  %-40s %8.0f earn/s  p50 %s ms  p99 %s ms  errors %d", label,
                    r.perSecond(), Latencies.ms(r.latency().p50()), Latencies.ms(r.latency().p99()), r.errors().total());
        }
    }

    private PrivacyCost() {
    }

    static Result measure(ConfigurableApplicationContext context, int clients, Duration warmup, Duration time,
                          Load.Call earn) throws Exception {
        HikariDataSource ds = context.getBean(HikariDataSource.class);
        Object wall = context.getBean("circuitScopedDataSource");
        Load.Result shipped = closedLoop(ds, "privacy-shipped", clients, warmup, time, earn);
        sql(ds, "create rule bench_no_audit as on insert to audit_record do instead nothing");
        Load.Result noAudit;
        Load.Result neither;
        try {
            noAudit = closedLoop(ds, "privacy-no-audit", clients, warmup, time, earn);
            wall(wall, false);
            try {
                neither = closedLoop(ds, "privacy-neither", clients, warmup, time, earn);
            } finally {
                wall(wall, true);
            }
        } finally {
            sql(ds, "drop rule bench_no_audit on audit_record");
        }
        return new Result(shipped, noAudit, neither);
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

    private static Object walledPools;

    /**
     * The bench alone switches the wall off (every request on the owner's pool, as if no wall were built) and on
     * again, by the data source's private field.
     */
    private static void wall(Object dataSource, boolean on) throws ReflectiveOperationException {
        var field = dataSource.getClass().getDeclaredField("pools");
        field.setAccessible(true);
        if (!on) {
            walledPools = field.get(dataSource);
        }
        field.set(dataSource, on ? walledPools : null);
    }
}
