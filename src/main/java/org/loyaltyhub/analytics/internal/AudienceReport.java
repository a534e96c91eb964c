package org.loyaltyhub.analytics.internal;

import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.loyaltyhub.analytics.Grouping;
import org.loyaltyhub.analytics.MembersFigures;
import org.loyaltyhub.analytics.MembersFigures.Count;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.analytics.SalesFigures;
import org.loyaltyhub.members.AgeGroup;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members report and the sales attributed to the program, per scope. */
@Service
public class AudienceReport {

    /** The member's {@link AgeGroup} on {@code today} as its name, 'UNKNOWN' without a birth date: the bands defined once. */
    private static String ageGroup(MapSqlParameterSource p, LocalDate today) {
        StringBuilder sql = new StringBuilder("case");
        for (AgeGroup a : AgeGroup.values()) {
            p.addValue("after_" + a.ordinal(), a.bornAfter(today)).addValue("upto_" + a.ordinal(), a.bornOnOrBefore(today));
            sql.append(" when m.birth_date > :after_").append(a.ordinal()).append(" and m.birth_date <= :upto_")
                    .append(a.ordinal()).append(" then '").append(a.name()).append('\'');
        }
        return sql.append(" else 'UNKNOWN' end").toString();
    }

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    AudienceReport(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** Members in scope at the end of a range, and those of them active (see {@link MembersFigures}). */
    public record Headcount(long total, long active) {
    }

    /** Only the members in total and the active ones: what the dashboard compares with the previous period. */
    @Transactional(readOnly = true)
    public Headcount headcount(ReportScope scope, LocalDate from, LocalDate to, int activeDays) {
        MapSqlParameterSource p = activityParams(scope, from, to, activeDays);
        return new Headcount(count("select count(*) from member m where " + inScope(scope) + " and m.created_at < :end",
                p), count("select count(*) from member m where " + inScope(scope) + " and " + bought(scope), p));
    }

    /** Members enrolled per period of the range (the period's first day): what the dashboard charts. */
    @Transactional(readOnly = true)
    public List<Count> enrolments(ReportScope scope, LocalDate from, LocalDate to, Grouping grouping) {
        return enrolments(scope, params(scope, from, to).addValue("grouping", grouping.field()));
    }

    private List<Count> enrolments(ReportScope scope, MapSqlParameterSource p) {
        return counts("select date_trunc(:grouping, m.created_at at time zone 'UTC')::date::text, count(*)"
                + " from member m where " + inScope(scope) + " and m.created_at >= :start and m.created_at < :end"
                + " group by 1 order by 1", p);
    }

    private static MapSqlParameterSource activityParams(ReportScope scope, LocalDate from, LocalDate to,
                                                        int activeDays) {
        return params(scope, from, to)
                .addValue("active", to.plusDays(1).minusDays(activeDays).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private static String inScope(ReportScope scope) {
        return "m.circuit_id = :circuit" + (scope.companyId() == null ? ""
                : " and exists (select 1 from member_company mc where mc.member_id = m.id and mc.company_id = :company)");
    }

    /** The member bought (in scope) in the active window. */
    private static String bought(ReportScope scope) {
        return "exists (select 1 from purchase b where b.member_id = m.id and b.status <> 'CANCELLED'"
                + (scope.companyId() == null ? "" : " and b.company_id = :company")
                + " and b.occurred_at >= :active and b.occurred_at < :end)";
    }

    @Transactional(readOnly = true)
    public MembersFigures members(ReportScope scope, LocalDate from, LocalDate to, Grouping grouping, int activeDays) {
        MapSqlParameterSource p = activityParams(scope, from, to, activeDays).addValue("grouping", grouping.field());
        String inScope = inScope(scope);
        String bought = bought(scope);
        String boughtBefore = "exists (select 1 from purchase b where b.member_id = m.id and b.status <> 'CANCELLED'"
                + (scope.companyId() == null ? "" : " and b.company_id = :company") + " and b.occurred_at < :active)";
        long total = count("select count(*) from member m where " + inScope + " and m.created_at < :end", p);
        long active = count("select count(*) from member m where " + inScope + " and " + bought, p);
        long churned = count("select count(*) from member m where " + inScope + " and " + boughtBefore
                + " and not " + bought, p);
        String enrolled = " from member m where " + inScope + " and m.created_at >= :start and m.created_at < :end";
        List<Count> byPeriod = enrolments(scope, p);
        List<Count> byStore = counts("select coalesce(m.enrolled_store_id::text, 'none'), count(*)" + enrolled
                + " group by 1 order by 2 desc", p);
        String all = " from member m where " + inScope + " and m.created_at < :end";
        List<Count> ages = counts("select " + ageGroup(p, to) + ", count(*)" + all + " group by 1 order by 1", p);
        List<Count> genders = counts("select coalesce(m.gender, 'UNDISCLOSED'), count(*)" + all
                + " group by 1 order by 1", p);
        List<Count> cities = counts("select coalesce(nullif(trim(m.city), ''), '-'), count(*)" + all
                + " group by 1 order by 2 desc, 1 limit 10", p);
        List<Count> postcodes = counts("select coalesce(nullif(trim(m.postcode), ''), '-'), count(*)" + all
                + " group by 1 order by 2 desc, 1 limit 10", p);
        List<Count> languages = counts("select coalesce(m.language, '-'), count(*)" + all + " group by 1 order by 1", p);
        List<MembersFigures.Rate> consents = jdbc.sql("select k.kind, count(*) filter (where c.granted) from"
                        + " (values ('PRIVACY'), ('MARKETING'), ('NEWSLETTER')) k(kind) left join lateral ("
                        + " select distinct on (c.member_id) c.member_id, c.granted from consent c join member m"
                        + " on m.id = c.member_id where " + inScope + " and c.kind = k.kind and c.recorded_at < :end"
                        + " order by c.member_id, c.recorded_at desc, c.id desc) c on true group by 1 order by 1")
                .paramSource(p).query((rs, n) -> new MembersFigures.Rate(rs.getString(1), rs.getLong(2),
                        total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(rs.getLong(2))
                                .divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP))).list();
        return new MembersFigures(total, active, churned, activeDays, byPeriod, byStore, ages, genders, cities,
                postcodes, languages, consents);
    }

    @Transactional(readOnly = true)
    public SalesFigures sales(ReportScope scope, LocalDate from, LocalDate to) {
        MapSqlParameterSource p = params(scope, from, to);
        String currency = tenancy.circuit(scope.circuitId()).currency();
        String sql = "with b as (select company_id, store_id, member_id, count(*) n, sum(total - refunded) spend"
                + " from purchase where circuit_id = :circuit and status <> 'CANCELLED' and occurred_at >= :start"
                + " and occurred_at < :end" + (scope.companyId() == null ? "" : " and company_id = :company")
                + " group by grouping sets ((member_id), (company_id, store_id, member_id)))"
                + " select company_id, store_id, sum(n), coalesce(sum(spend), 0), count(*), count(*) filter (where n > 1)"
                + " from b group by 1, 2 order by 4 desc";
        List<Object[]> rows = jdbc.sql(sql).paramSource(p).query((rs, n) -> new Object[] {
                rs.getObject(1, Long.class), rs.getObject(2, Long.class), new SalesFigures.Sales(rs.getLong(3),
                Money.of(rs.getBigDecimal(4), currency), rs.getLong(5), rs.getLong(6))}).list();
        SalesFigures.Sales total = rows.stream().filter(r -> r[1] == null).map(r -> (SalesFigures.Sales) r[2])
                .findFirst().orElse(new SalesFigures.Sales(0, Money.of(BigDecimal.ZERO, currency), 0, 0));
        return new SalesFigures(total, rows.stream().filter(r -> r[1] != null)
                .map(r -> new SalesFigures.StoreSales((Long) r[0], (Long) r[1], (SalesFigures.Sales) r[2])).toList());
    }

    /** The members report as CSV: one line per figure, with its section and key (a period, store, group, kind). */
    public void membersCsv(MembersFigures f, Writer out) {
        Csv csv = new Csv(out).line("section", "key", "count", "rate");
        csv.line("members", "total", f.total(), "");
        csv.line("members", "active in " + f.activeDays() + " days", f.active(), "");
        csv.line("members", "churned", f.churned(), "");
        counts(csv, "enrolments by period", f.enrolmentsByPeriod());
        counts(csv, "enrolments by store", f.enrolmentsByStore());
        counts(csv, "age group", f.ageGroups());
        counts(csv, "gender", f.genders());
        counts(csv, "city", f.cities());
        counts(csv, "postcode", f.postcodes());
        counts(csv, "language", f.languages());
        f.consents().forEach(c -> csv.line("consent", c.consent(), c.granted(), c.rate().toPlainString()));
    }

    private static void counts(Csv csv, String section, List<Count> counts) {
        counts.forEach(c -> csv.line(section, c.key(), c.count(), ""));
    }

    /** The sales as CSV: the total, then one line per store. */
    public void salesCsv(SalesFigures f, Writer out) {
        Csv csv = new Csv(out).line("scope", "company_id", "store_id", "purchases", "spend", "currency", "buyers",
                "repeat_buyers", "average_basket", "visit_frequency", "repeat_rate");
        sales(csv, "total", null, null, f.total());
        f.stores().forEach(s -> sales(csv, "store", s.companyId(), s.storeId(), s.sales()));
    }

    private static void sales(Csv csv, String scope, Long company, Long store, SalesFigures.Sales s) {
        csv.line(scope, company, store, s.purchases(), s.spend().display().toPlainString(),
                s.spend().currency().getCurrencyCode(), s.buyers(), s.repeatBuyers(),
                s.averageBasket().display().toPlainString(), s.visitFrequency().toPlainString(),
                s.repeatRate().toPlainString());
    }

    private static MapSqlParameterSource params(ReportScope scope, LocalDate from, LocalDate to) {
        return new MapSqlParameterSource().addValue("circuit", scope.circuitId()).addValue("company", scope.companyId())
                .addValue("start", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .addValue("end", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private long count(String sql, MapSqlParameterSource p) {
        return jdbc.sql(sql).paramSource(p).query(Long.class).single();
    }

    private List<Count> counts(String sql, MapSqlParameterSource p) {
        return jdbc.sql(sql).paramSource(p).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }
}
