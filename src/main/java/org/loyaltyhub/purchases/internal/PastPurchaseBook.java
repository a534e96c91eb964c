package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.PastEarning;
import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.purchases.PastPurchases;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Past purchases: inserted completed (or refunded) at their date under the same unique key as every purchase
 * (company, channel, order id), then settled once by {@link PastEarning} instead of the counter's earning, so their
 * activity lands in their own month and points only come when asked. No promotion, referral or cashback runs, then or
 * later: the row is marked {@code without_points} like a shop's backfilled order, so a later change of its status
 * (a refund) only takes back what it earned when it was recorded and moves its own month's activity.
 */
@Service
@Transactional
class PastPurchaseBook implements PastPurchases {

    private static final String WHERE = """
            where p.circuit_id = :c and p.status <> 'CANCELLED'
              and (cast(:from as timestamptz) is null or p.occurred_at >= :from)
              and (cast(:to as timestamptz) is null or p.occurred_at < :to)
              and (cast(:store as bigint) is null or p.store_id = :store)
              and (cast(:company as bigint) is null or p.company_id = :company)""";

    private final JdbcClient jdbc;
    /** Fetches rows in batches inside the read-only transaction, so an export streams instead of loading all. */
    private final JdbcClient streaming;
    private final Tenancy tenancy;
    private final Members members;
    private final PastEarning earning;

    PastPurchaseBook(JdbcClient jdbc, DataSource dataSource, Tenancy tenancy, Members members, PastEarning earning) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(2_000);
        this.streaming = JdbcClient.create(template);
        this.tenancy = tenancy;
        this.members = members;
        this.earning = earning;
    }

    @Override
    public java.util.OptionalLong recordPast(long circuitId, PastPurchase p, boolean earnPoints, String actor) {
        Store store = tenancy.store(circuitId, p.storeId());
        String currency = tenancy.circuit(circuitId).currency();
        PurchaseStatus status = p.refunded().signum() == 0 ? PurchaseStatus.COMPLETED
                : p.refunded().compareTo(p.total()) == 0 ? PurchaseStatus.REFUNDED : PurchaseStatus.PARTIALLY_REFUNDED;
        Optional<Long> id = jdbc.sql("""
                        insert into purchase (circuit_id, company_id, store_id, member_id, channel, order_id, currency,
                                              total, refunded, status, stage, occurred_at, updated_at,
                                              without_points)
                        values (:c, :company, :store, :member, :channel, :order, :currency, :total, :refunded, :status,
                                'COMPLETED', :at, :at, true)
                        on conflict (circuit_id, company_id, channel, order_id) do nothing returning id""")
                .param("c", circuitId).param("company", store.companyId()).param("store", store.id())
                .param("member", p.memberId()).param("channel", p.channel()).param("order", p.orderId())
                .param("currency", currency).param("total", p.total()).param("refunded", p.refunded())
                .param("status", status.name()).param("at", Timestamp.from(p.occurredAt()))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        members.relate(circuitId, p.memberId(), store.companyId());
        Currency unit = Currency.getInstance(currency);
        return java.util.OptionalLong.of(earning.settlePast(new PurchaseFacts(circuitId, id.get(), store.companyId(), store.id(), p.memberId(),
                new Money(p.total(), unit), new Money(p.refunded(), unit), Stage.COMPLETED, status.voids(), List.of(),
                actor, true, p.occurredAt(), p.channel(), true), earnPoints).available());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean recorded(long circuitId, long storeId, String channel, String orderId) {
        return jdbc.sql("select exists (select 1 from purchase p join store s on s.id = :store "
                        + "where p.circuit_id = :c and p.company_id = s.company_id and p.channel = :channel "
                        + "and p.order_id = :order)")
                .param("c", circuitId).param("store", storeId).param("channel", channel).param("order", orderId)
                .query(Boolean.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public void each(long circuitId, Filter filter, Consumer<Exported> each) {
        bind(streaming.sql("""
                select p.id, p.order_id, p.channel, p.occurred_at, p.total, p.refunded, p.currency, p.store_id,
                       s.name as store_name, p.company_id, co.name as company_name, m.email, m.phone,
                       (select cd.number from card cd where cd.member_id = p.member_id and cd.circuit_id = p.circuit_id
                        order by cd.main desc, cd.id limit 1) as card_number
                from purchase p join store s on s.id = p.store_id join company co on co.id = p.company_id
                     join member m on m.id = p.member_id
                """ + WHERE + " order by p.occurred_at, p.id"), circuitId, filter)
                .query(rs -> {
                    each.accept(new Exported(rs.getLong("id"), rs.getString("order_id"), rs.getString("channel"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getBigDecimal("total"),
                            rs.getBigDecimal("refunded"), rs.getString("currency"), rs.getLong("store_id"),
                            rs.getString("store_name"), rs.getLong("company_id"), rs.getString("company_name"),
                            rs.getString("card_number"), rs.getString("email"), rs.getString("phone")));
                });
    }

    @Override
    @Transactional(readOnly = true)
    public long count(long circuitId, Filter filter) {
        return bind(jdbc.sql("select count(*) from purchase p " + WHERE), circuitId, filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, long circuitId, Filter f) {
        return sql.param("c", circuitId).param("from", f.from() == null ? null : startOf(f.from()))
                .param("to", f.to() == null ? null : startOf(f.to().plusDays(1))).param("store", f.storeId())
                .param("company", f.companyId());
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
