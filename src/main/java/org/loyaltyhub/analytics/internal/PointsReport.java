package org.loyaltyhub.analytics.internal;

import java.io.Writer;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.loyaltyhub.analytics.PointsFilter;
import org.loyaltyhub.analytics.PointsSummary;
import org.loyaltyhub.analytics.ReportKind;
import org.loyaltyhub.analytics.ReportScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points report (seed 004 "Report"). Summaries read the daily rollups up to the watermark plus the journal's tail
 * past it, in one repeatable-read snapshot so that a rollup batch committing meanwhile is counted once; filters the
 * rollups do not keep (member, operator) read the journal by its indexes. Rows stream from a cursor.
 */
@Service
public class PointsReport {

    private static final int FETCH = 2_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    PointsReport(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PointsSummary summary(ReportScope scope, PointsFilter f) {
        return fold(f, parts(scope, f), membersOf(scope, f));
    }

    /** A summary and its figures per kind and period (credits, debits, operations): a dashboard's charts in one read. */
    public record Detailed(PointsSummary summary, Map<ReportKind, Map<LocalDate, long[]>> byKindAndPeriod) {

        /** Credits ({@code 0}), debits ({@code 1}) or operations ({@code 2}) of a kind in the period from {@code start}. */
        public long of(ReportKind kind, LocalDate start, int figure) {
            long[] v = byKindAndPeriod.getOrDefault(kind, Map.of()).get(start);
            return v == null ? 0 : v[figure];
        }
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Detailed detailed(ReportScope scope, PointsFilter f) {
        List<Object[]> parts = parts(scope, f);
        Map<ReportKind, Map<LocalDate, long[]>> byKind = new EnumMap<>(ReportKind.class);
        for (Object[] r : parts) {
            add(byKind.computeIfAbsent((ReportKind) r[1], k -> new TreeMap<>())
                    .computeIfAbsent((LocalDate) r[0], d -> new long[3]), new long[] {(Long) r[2], (Long) r[3], (Long) r[4]});
        }
        return new Detailed(fold(f, parts, membersOf(scope, f)), byKind);
    }

    /** The rows (period, kind, credits, debits, operations) of the rollups and the journal's tail, or the journal. */
    private List<Object[]> parts(ReportScope scope, PointsFilter f) {
        MapSqlParameterSource p = params(scope, f);
        List<Object[]> parts = new ArrayList<>();
        String grouped = " group by 1, 2";
        String fromJournal = "select date_trunc(:grouping, (created_at at time zone 'UTC'))::date, report_kind,"
                + " sum(greatest(net, 0)), sum(greatest(-net, 0)), count(*) from (";
        String kindOnJournal = ") mv where purpose = :purpose" + (f.kind() != null ? " and report_kind = :kind" : "");
        if (f.needsJournal()) {
            parts.addAll(rows(fromJournal + Movements.select(journalWhere(scope, f)) + kindOnJournal + grouped, p));
        } else {
            long watermark = jdbc.sql("select entry_id from analytics_watermark where job = :job")
                    .param("job", PointsRollup.JOB).query(Long.class).single();
            p.addValue("watermark", watermark);
            parts.addAll(rows("select date_trunc(:grouping, day::timestamp)::date, kind, sum(credits), sum(debits),"
                    + " sum(operations) from analytics_points_day where circuit_id = :circuit and day between :from"
                    + " and :to and purpose = :purpose" + (scope.companyId() != null ? " and company_id = :company" : "")
                    + (f.storeId() != null ? " and store_id = :store" : "")
                    + (f.kind() != null ? " and kind = :kind" : "") + grouped, p));
            parts.addAll(rows(fromJournal + Movements.select(journalWhere(scope, f) + " and e.id > :watermark")
                    + kindOnJournal + grouped, p));
        }
        return parts;
    }

    /** Streams every movement of the filter, oldest first, as CSV: flat memory whatever the size. */
    @Transactional(readOnly = true)
    public long rowsCsv(ReportScope scope, PointsFilter f, Writer out) {
        Csv csv = new Csv(out).line("id", "at", "kind", "entry_kind", "amount", "purpose", "member_id", "company_id",
                "store_id", "operator", "reason");
        long[] count = {0};
        streaming.query("select * from (" + Movements.select(journalWhere(scope, f)) + ") mv where purpose = :purpose"
                + (f.kind() != null ? " and report_kind = :kind" : "") + " order by created_at, id", params(scope, f),
                (ResultSet rs) -> {
                    csv.line(rs.getLong("id"), rs.getObject("created_at", java.time.OffsetDateTime.class)
                                    .withOffsetSameInstant(ZoneOffset.UTC), rs.getString("report_kind"),
                            rs.getString("entry_kind"), rs.getLong("net"), rs.getString("purpose"),
                            rs.getObject("member_id"), rs.getObject("company_id"), rs.getObject("store_id"),
                            rs.getString("actor"), rs.getString("reason"));
                    count[0]++;
                });
        return count[0];
    }

    /** The summary as CSV: one line per kind, then one per period. */
    public void summaryCsv(PointsSummary s, Writer out) {
        Csv csv = new Csv(out).line("section", "key", "credits", "debits", "operations");
        csv.line("total", s.purpose().name(), s.credits(), s.debits(), s.operations());
        s.byKind().forEach(k -> csv.line("kind", k.kind().name(), k.credits(), k.debits(), k.operations()));
        s.periods().forEach(pd -> csv.line("period", pd.start(), pd.credits(), pd.debits(), pd.operations()));
        csv.line("average", "per operation", s.averagePerOperation(), "", "");
        csv.line("average", "per member", s.averagePerMember(), "", s.members());
    }

    private static String journalWhere(ReportScope scope, PointsFilter f) {
        return "e.circuit_id = :circuit and e.created_at >= :start and e.created_at < :end"
                + (scope.companyId() != null ? " and e.company_id = :company" : "")
                + (f.storeId() != null ? " and e.store_id = :store" : "")
                + (f.memberId() != null ? " and e.member_id = :member" : "")
                + (f.operator() != null ? " and e.actor = :operator" : "");
    }

    private static MapSqlParameterSource params(ReportScope scope, PointsFilter f) {
        return new MapSqlParameterSource().addValue("circuit", scope.circuitId()).addValue("company", scope.companyId())
                .addValue("store", f.storeId()).addValue("member", f.memberId()).addValue("operator", f.operator())
                .addValue("kind", f.kind() == null ? null : f.kind().name()).addValue("purpose", f.purpose().name())
                .addValue("grouping", f.grouping().field()).addValue("from", f.from()).addValue("to", f.to())
                .addValue("start", f.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .addValue("end", f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private List<Object[]> rows(String sql, MapSqlParameterSource p) {
        return streaming.query(sql, p, (ResultSet rs, int n) -> new Object[] {
                rs.getObject(1, LocalDate.class), ReportKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                rs.getLong(5)});
    }

    private long membersOf(ReportScope scope, PointsFilter f) {
        if (f.memberId() != null) {
            return 1;
        }
        String sql = scope.companyId() == null
                ? "select count(*) from member where circuit_id = :circuit and created_at < :end"
                : "select count(*) from member_company where circuit_id = :circuit and company_id = :company"
                        + " and since < :end";
        return streaming.queryForObject(sql, params(scope, f), Long.class);
    }

    private static PointsSummary fold(PointsFilter f, List<Object[]> parts, long members) {
        Map<ReportKind, long[]> kinds = new EnumMap<>(ReportKind.class);
        Map<LocalDate, long[]> periods = new TreeMap<>();
        long[] total = new long[3];
        for (Object[] r : parts) {
            long[] v = {(Long) r[2], (Long) r[3], (Long) r[4]};
            add(kinds.computeIfAbsent((ReportKind) r[1], k -> new long[3]), v);
            add(periods.computeIfAbsent((LocalDate) r[0], k -> new long[3]), v);
            add(total, v);
        }
        return new PointsSummary(f.purpose(), total[0], total[1], total[2], members,
                kinds.entrySet().stream().map(e -> new PointsSummary.KindTotal(e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2])).toList(),
                periods.entrySet().stream().map(e -> new PointsSummary.Period(e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2])).toList());
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < into.length; i++) {
            into[i] += v[i];
        }
    }

}
