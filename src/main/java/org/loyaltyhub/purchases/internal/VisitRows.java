package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.Visits;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class VisitRows implements Visits {

    private final JdbcClient jdbc;

    VisitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<Visit> of(long circuitId, long memberId, PageQuery page) {
        long total = jdbc.sql("select count(*) from purchase where circuit_id = :c and member_id = :m")
                .param("c", circuitId).param("m", memberId).query(Long.class).single();
        var items = jdbc.sql("select occurred_at, store_id, channel, total, currency, status from purchase "
                        + "where circuit_id = :c and member_id = :m order by occurred_at desc, id desc "
                        + "limit :limit offset :offset")
                .param("c", circuitId).param("m", memberId).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Visit(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("store_id") == null ? null : rs.getLong("store_id"), rs.getString("channel"),
                        Money.of(rs.getBigDecimal("total"), rs.getString("currency")),
                        PurchaseStatus.valueOf(rs.getString("status"))))
                .list();
        return Page.of(items, page, total);
    }
}
