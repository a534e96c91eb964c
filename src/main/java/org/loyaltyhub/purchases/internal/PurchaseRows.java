package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchaseHistory;
import org.loyaltyhub.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/** Past purchases for programs' promotions: visit numbers and the stream a dry run replays. Read-only. */
@Component
@Transactional(readOnly = true)
class PurchaseRows implements PurchaseHistory {

    /** Statuses that void a purchase: it is no visit. */
    private static final String NOT_VOIDED = "status not in ('CANCELLED', 'REFUNDED')";

    private final JdbcClient jdbc;
    /** Fetches rows in batches inside the read-only transaction, so a replay streams instead of loading everything. */
    private final JdbcClient streaming;

    PurchaseRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(5_000);
        this.streaming = JdbcClient.create(template);
    }

    @Override
    public long visitNumber(long circuitId, long memberId, long purchaseId) {
        return jdbc.sql("select count(*) from purchase p, (select occurred_at, id from purchase where id = :id) me "
                        + "where p.circuit_id = :c and p.member_id = :m and p." + NOT_VOIDED
                        + " and (p.occurred_at, p.id) <= (me.occurred_at, me.id)")
                .param("c", circuitId).param("m", memberId).param("id", purchaseId).query(Long.class).single();
    }

    @Override
    public long visits(long circuitId, long memberId) {
        return jdbc.sql("select count(*) from purchase where circuit_id = :c and member_id = :m and " + NOT_VOIDED)
                .param("c", circuitId).param("m", memberId).query(Long.class).single();
    }

    @Override
    public void visitsBefore(long circuitId, Instant before, ObjLongConsumer<Long> perMember) {
        streaming.sql("select member_id, count(*) from purchase where circuit_id = :c and occurred_at < :before and "
                        + NOT_VOIDED + " group by member_id")
                .param("c", circuitId).param("before", Timestamp.from(before))
                .query(rs -> {
                    perMember.accept(rs.getLong(1), rs.getLong(2));
                });
    }

    @Override
    public void replay(long circuitId, Instant from, Instant to, Consumer<PurchaseFacts> each) {
        streaming.sql("select p.id, p.company_id, p.store_id, p.member_id, p.channel, p.currency, p.total, p.refunded, "
                        + "p.stage, p.occurred_at, l.products, l.skus, l.categories, l.quantities, l.prices "
                        + "from purchase p left join lateral (select array_agg(product_id order by line_no) products, "
                        + "array_agg(sku order by line_no) skus, array_agg(category order by line_no) categories, "
                        + "array_agg(quantity order by line_no) quantities, array_agg(unit_price order by line_no) prices "
                        + "from purchase_line where purchase_id = p.id) l on true "
                        + "where p.circuit_id = :c and p.occurred_at >= :from and p.occurred_at < :to and p." + NOT_VOIDED
                        + " order by p.occurred_at, p.id")
                .param("c", circuitId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    Currency currency = Currency.getInstance(rs.getString(6));
                    each.accept(new PurchaseFacts(circuitId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            new Money(rs.getBigDecimal(7), currency), new Money(rs.getBigDecimal(8), currency),
                            Stage.valueOf(rs.getString(9)), false, lines(rs), null, false,
                            rs.getTimestamp(10).toInstant(), rs.getString(5)));
                });
    }

    private static List<PurchaseFacts.Line> lines(ResultSet rs) throws SQLException {
        Object[] products = array(rs.getArray(11));
        if (products == null) {
            return List.of();
        }
        Object[] skus = array(rs.getArray(12));
        Object[] categories = array(rs.getArray(13));
        Object[] quantities = array(rs.getArray(14));
        Object[] prices = array(rs.getArray(15));
        List<PurchaseFacts.Line> lines = new ArrayList<>(products.length);
        for (int i = 0; i < products.length; i++) {
            lines.add(new PurchaseFacts.Line((String) products[i], (BigDecimal) quantities[i], (BigDecimal) prices[i],
                    false, (String) skus[i], (String) categories[i]));
        }
        return lines;
    }

    private static Object[] array(Array a) throws SQLException {
        return a == null ? null : (Object[]) a.getArray();
    }
}
