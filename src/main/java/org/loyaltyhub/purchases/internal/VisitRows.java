package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.Visits;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link Visits}: the member's purchases and check-ins, merged newest first (each table read by its member index). */
@Component
@Transactional(readOnly = true)
class VisitRows implements Visits {

    private final JdbcClient jdbc;

    VisitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<Visit> of(long circuitId, long memberId, PageQuery page) {
        long total = jdbc.sql("""
                        select (select count(*) from purchase where circuit_id = :c and member_id = :m)
                             + (select count(*) from store_checkin where circuit_id = :c and member_id = :m)""")
                .param("c", circuitId).param("m", memberId).query(Long.class).single();
        var items = jdbc.sql("""
                        (select occurred_at as at, store_id, channel, total, currency, status, 'PURCHASE' as kind, id
                         from purchase where circuit_id = :c and member_id = :m
                         order by occurred_at desc, id desc limit :end)
                        union all
                        (select checked_in_at, store_id, method, null, null, null, 'CHECK_IN', id
                         from store_checkin where circuit_id = :c and member_id = :m
                         order by checked_in_at desc, id desc limit :end)
                        order by at desc, kind, id desc limit :limit offset :offset""")
                .param("c", circuitId).param("m", memberId).param("end", page.offset() + page.size())
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    Kind kind = Kind.valueOf(rs.getString("kind"));
                    return new Visit(rs.getTimestamp("at").toInstant(),
                            rs.getObject("store_id") == null ? null : rs.getLong("store_id"), rs.getString("channel"),
                            kind == Kind.CHECK_IN ? null : Money.of(rs.getBigDecimal("total"), rs.getString("currency")),
                            kind == Kind.CHECK_IN ? null : PurchaseStatus.valueOf(rs.getString("status")), kind);
                })
                .list();
        return Page.of(items, page, total);
    }
}
