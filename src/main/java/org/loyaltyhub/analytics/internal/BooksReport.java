package org.loyaltyhub.analytics.internal;

import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.loyaltyhub.analytics.Breakage;
import org.loyaltyhub.analytics.Liability;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Liability and breakage read from the journal, lots and lot movements, so they match the ledger to the point; the
 * liability through the daily rollup ({@code analytics_liability_day}) up to the rollup's watermark plus the tail.
 */
@Service
public class BooksReport {

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Tenancy tenancy;

    BooksReport(JdbcClient jdbc, Programs programs, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.tenancy = tenancy;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Liability liability(ReportScope scope, LocalDate asOf) {
        var end = asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        // the daily rollup up to the watermark, then the journal's tail past it (one snapshot: repeatable read)
        long watermark = jdbc.sql("select entry_id from analytics_watermark where job = :job")
                .param("job", PointsRollup.JOB).query(Long.class).single();
        Map<Long, Long> byIssuer = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        long[] pendingHeld = new long[2];
        String company = scope.companyId() != null ? " and company_id = :company" : "";
        jdbc.sql("select part, company_id, sum(amount) from analytics_liability_day where circuit_id = :circuit"
                        + " and day <= :asOf" + company + " group by 1, 2")
                .param("circuit", scope.circuitId()).param("asOf", asOf).param("company", scope.companyId())
                .query(rs -> {
                    long amount = rs.getLong(3);
                    long companyId = rs.getLong(2);
                    switch (rs.getString(1)) {
                        case "AVAILABLE" -> byIssuer.merge(companyId == 0 ? null : companyId, amount, Long::sum);
                        case "PENDING" -> pendingHeld[0] += amount;
                        default -> pendingHeld[1] += amount;
                    }
                });
        String issuer = scope.companyId() != null ? " and l.issuer_company_id = :company" : "";
        jdbc.sql("select l.issuer_company_id, sum(m.amount) from lot_movement m"
                        + " join lot l on l.id = m.lot_id join account a on a.id = l.account_id"
                        + " join journal_entry e on e.id = m.entry_id where l.circuit_id = :circuit"
                        + " and m.entry_id > :watermark and a.kind = 'MEMBER_AVAILABLE' and e.created_at < :end"
                        + issuer + " group by 1")
                .param("circuit", scope.circuitId()).param("end", end).param("company", scope.companyId())
                .param("watermark", watermark)
                .query(rs -> {
                    byIssuer.merge(rs.getObject(1, Long.class), rs.getLong(2), Long::sum);
                });
        String entryCompany = (scope.companyId() != null ? " and e.company_id = :company" : "")
                + " and e.id > :watermark";
        long pending = pendingHeld[0] + onAccounts(scope, "MEMBER_PENDING", " and e.created_at < :end" + entryCompany,
                end, null, watermark);
        long held = pendingHeld[1] + onAccounts(scope, "MEMBER_HELD", " and e.created_at < :end" + entryCompany, end,
                null, watermark);
        BigDecimal perPoint = perPoint(scope.circuitId());
        String currency = tenancy.circuit(scope.circuitId()).currency();
        List<Liability.IssuerShare> issuers = new ArrayList<>();
        long total = pending + held;
        for (Map.Entry<Long, Long> s : byIssuer.entrySet()) {
            long points = s.getValue();
            if (points == 0) {
                continue;
            }
            issuers.add(new Liability.IssuerShare(s.getKey(), points, Liability.valueOf(points, perPoint, currency)));
            total += points;
        }
        return new Liability(asOf, issuers, pending, held, total, Liability.valueOf(total, perPoint, currency),
                perPoint);
    }

    @Transactional(readOnly = true)
    public Breakage breakage(ReportScope scope, LocalDate from, LocalDate to, LocalDate today) {
        var start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        var end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        String company = scope.companyId() != null ? " and e.company_id = :company" : "";
        String range = " and e.created_at >= :start and e.created_at < :end" + company;
        long expired = onAccounts(scope, "EXPIRED", range, end, start);
        long redeemed = onAccounts(scope, "REDEEMED", range, end, start);
        List<Breakage.Upcoming> upcoming = jdbc.sql("select to_char(l.expires_at at time zone 'UTC', 'YYYY-MM'),"
                        + " sum(l.remaining) from lot l join account a on a.id = l.account_id"
                        + " where l.circuit_id = :circuit and a.kind = 'MEMBER_AVAILABLE' and l.remaining > 0"
                        + " and l.expires_at >= :today" + (scope.companyId() != null
                        ? " and l.issuer_company_id = :company" : "") + " group by 1 order by 1")
                .param("circuit", scope.circuitId()).param("company", scope.companyId())
                .param("today", today.atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Breakage.Upcoming(YearMonth.parse(rs.getString(1)), rs.getLong(2))).list();
        return new Breakage(from, to, expired, redeemed, upcoming);
    }

    /** The liability as CSV: one line per issuer company ('none' for points no company issued), pending, held, total. */
    public void liabilityCsv(Liability l, Writer out) {
        String currency = l.value().currency().getCurrencyCode();
        Csv csv = new Csv(out).line("section", "company_id", "points", "value", "currency", "as_of");
        l.issuers().forEach(i -> csv.line("issuer", i.companyId() == null ? "none" : i.companyId(), i.points(),
                i.value().display().toPlainString(), currency, l.asOf()));
        csv.line("pending", "", l.pending(), Liability.valueOf(l.pending(), l.valuePerPoint(), currency).display()
                .toPlainString(), currency, l.asOf());
        csv.line("held", "", l.held(), Liability.valueOf(l.held(), l.valuePerPoint(), currency).display()
                .toPlainString(), currency, l.asOf());
        csv.line("total", "", l.total(), l.value().display().toPlainString(), currency, l.asOf());
    }

    /** Breakage as CSV: expired, redeemed and the rate over the range, then the points due to expire per month. */
    public void breakageCsv(Breakage b, Writer out) {
        Csv csv = new Csv(out).line("section", "key", "value");
        String range = b.from() + "/" + b.to();
        csv.line("expired", range, b.expired());
        csv.line("redeemed", range, b.redeemed());
        csv.line("rate", range, b.rate().toPlainString());
        b.upcoming().forEach(u -> csv.line("upcoming", u.month(), u.points()));
    }

    private long onAccounts(ReportScope scope, String kind, String where, Object end, Object start) {
        return onAccounts(scope, kind, where, end, start, 0);
    }

    private long onAccounts(ReportScope scope, String kind, String where, Object end, Object start, long watermark) {
        return jdbc.sql("select coalesce(sum(p.amount), 0) from posting p join account a on a.id = p.account_id"
                        + " join journal_entry e on e.id = p.entry_id where a.circuit_id = :circuit and a.kind = :kind"
                        + where)
                .param("circuit", scope.circuitId()).param("kind", kind).param("end", end)
                .param("start", start).param("company", scope.companyId()).param("watermark", watermark)
                .query(Long.class).single();
    }

    private BigDecimal perPoint(long circuitId) {
        ProgramSettings s = programs.settings(circuitId);
        return s.redeemValue().divide(BigDecimal.valueOf(s.redeemPoints()), 8, RoundingMode.HALF_UP);
    }

}
