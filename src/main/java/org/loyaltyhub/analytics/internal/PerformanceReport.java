package org.loyaltyhub.analytics.internal;

import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.loyaltyhub.analytics.Performance;
import org.loyaltyhub.analytics.Performance.Subject;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign, coupon and reward performance (issue 14 §1) over UTC days, both ends included, from the vouchers' events
 * (issued, redeemed) and the promotions' grants. A company's scope counts only vouchers issued or redeemed at its
 * stores and grants on its purchases. A voucher's purchase is the one with the store and order id it was redeemed
 * with.
 */
@Component
public class PerformanceReport {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    PerformanceReport(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Transactional(readOnly = true)
    public Performance of(Subject subject, ReportScope scope, LocalDate from, LocalDate to, Locale locale) {
        String currency = tenancy.circuit(scope.circuitId()).currency();
        boolean italian = "it".equals(locale.getLanguage());
        boolean oneCompany = scope.companyId() != null;
        String sql = switch (subject) {
            case CAMPAIGNS -> campaigns(oneCompany);
            case COUPONS -> vouchers("campaign_id", "coupon_campaign", "i.name",
                    "coalesce(d.redeemed, 0) * coalesce(i.bonus_points, 0)", oneCompany);
            case REWARDS -> vouchers("reward_id", "reward", italian ? "i.title_it" : "i.title_en",
                    "coalesce(s.points, 0)", oneCompany);
        };
        var q = jdbc.sql(sql).param("c", scope.circuitId())
                .param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        if (scope.companyId() != null) {
            q = q.param("company", scope.companyId());
        }
        return new Performance(subject, q.query((rs, n) -> item(rs, subject, currency)).list());
    }

    /** The report as CSV, one line per item after a header. */
    public void csv(Performance report, Writer out) {
        Csv csv = new Csv(out).line("id", "name", "issued", "redeemed", "points", "purchases", "spend", "currency");
        for (Performance.Item i : report.items()) {
            csv.line(i.id(), i.name(), i.issued(), i.redeemed(), i.points(), i.purchases(),
                    i.spend().display().toPlainString(), i.spend().currency().getCurrencyCode());
        }
    }

    private static Performance.Item item(ResultSet rs, Subject subject, String currency) throws SQLException {
        return new Performance.Item(rs.getLong("id"), rs.getString("name"), rs.getLong("issued"),
                subject == Subject.CAMPAIGNS ? null : rs.getLong("redeemed"), rs.getLong("points"),
                rs.getLong("purchases"), Money.of(rs.getBigDecimal("spend"), currency));
    }

    private static String campaigns(boolean oneCompany) {
        return """
                select i.id, i.name, count(g.id) filter (where g.given > 0) as issued, coalesce(sum(g.given), 0) as points,
                       count(distinct p.id) filter (where g.given > 0) as purchases,
                       coalesce(sum(p.total - p.refunded) filter (where g.given > 0), 0) as spend
                  from promotion i
                  left join promotion_grant g on g.promotion_id = i.id and not g.withdrawn
                   and g.occurred_at >= :from and g.occurred_at < :to%s
                  left join purchase p on p.id = g.purchase_id and p.status <> 'CANCELLED'
                 where i.circuit_id = :c
                 group by i.id, i.name order by i.id""".formatted(oneCompany
                ? " and exists (select 1 from purchase q where q.id = g.purchase_id and q.company_id = :company)" : "");
    }

    /**
     * Vouchers of items ({@code column} names the item on a voucher): issued and redeemed in the range (by their
     * events), the redeemed ones with the purchase of the same store and order.
     */
    private static String vouchers(String column, String table, String name, String points, boolean oneCompany) {
        String atCompany = oneCompany ? " and e.store_id in (select id from store where company_id = :company)" : "";
        return """
                with s as (
                    select v.%1$s as item, count(*) as issued,
                           coalesce(sum(v.points) filter (where v.status <> 'CANCELLED'), 0) as points
                      from voucher_event e join voucher v on v.id = e.voucher_id
                     where e.circuit_id = :c and e.change = 'ISSUED' and e.at >= :from and e.at < :to
                       and v.%1$s is not null%2$s
                     group by 1
                ), d as (
                    select v.%1$s as item, count(*) as redeemed, count(p.id) as purchases,
                           coalesce(sum(p.total - p.refunded), 0) as spend
                      from voucher_event e join voucher v on v.id = e.voucher_id
                      left join purchase p on p.circuit_id = v.circuit_id and p.store_id = e.store_id
                       and p.order_id = e.order_id and p.status <> 'CANCELLED'
                     where e.circuit_id = :c and e.change = 'REDEEMED' and e.at >= :from and e.at < :to
                       and v.%1$s is not null%2$s
                     group by 1
                )
                select i.id, %3$s as name, coalesce(s.issued, 0) as issued, coalesce(d.redeemed, 0) as redeemed,
                       %4$s as points, coalesce(d.purchases, 0) as purchases, coalesce(d.spend, 0) as spend
                  from %5$s i left join s on s.item = i.id left join d on d.item = i.id
                 where i.circuit_id = :c
                 order by i.id""".formatted(column, atCompany, name, points, table);
    }
}
