package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.Money;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Closed periods with their frozen lines and their settlements. Rows never change but for a payment, once. */
@Repository
class Settlements {

    /** A closed period as stored: its days, when and by whom, and the point value it was priced at. */
    record ClosedPeriod(long id, long circuitId, Period period, PointValue pointValue, Instant closedAt,
                        String closedBy) {
    }

    private static final RowMapper<ClosedPeriod> PERIOD = (rs, n) -> new ClosedPeriod(rs.getLong("id"),
            rs.getLong("circuit_id"), new Period(rs.getObject("first_day", LocalDate.class),
            rs.getObject("last_day", LocalDate.class)), new PointValue(rs.getLong("redeem_points"),
            Money.of(rs.getBigDecimal("redeem_value"), rs.getString("currency"))),
            rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by"));

    private static final RowMapper<Settlement> SETTLEMENT = (rs, n) -> new Settlement(rs.getLong("id"),
            rs.getLong("period_id"), Party.of((Long) rs.getObject("debtor_company_id")),
            Party.of((Long) rs.getObject("creditor_company_id")),
            Money.of(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getObject("paid_on", LocalDate.class),
            rs.getString("payment_reference"));

    private final JdbcClient jdbc;

    Settlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes closings of one circuit until the transaction ends, so two overlapping closings cannot both pass. */
    void lockClosing(long circuitId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('clearing-close:' || :c, 0))").param("c", circuitId)
                .query((rs, n) -> 1).list();
    }

    List<ClosedPeriod> periods(long circuitId) {
        return jdbc.sql("select * from clearing_period where circuit_id = :c order by first_day desc, id desc")
                .param("c", circuitId).query(PERIOD).list();
    }

    Optional<ClosedPeriod> period(long circuitId, long id) {
        return jdbc.sql("select * from clearing_period where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(PERIOD).optional();
    }

    Optional<ClosedPeriod> overlapping(long circuitId, Period period) {
        return jdbc.sql("select * from clearing_period where circuit_id = :c and first_day <= :last "
                        + "and last_day >= :first order by first_day limit 1")
                .param("c", circuitId).param("first", period.first()).param("last", period.last())
                .query(PERIOD).optional();
    }

    long close(long circuitId, Period period, PointValue value, Instant at, String by, List<ClearingReport.Line> lines,
               List<Position> positions) {
        long id = jdbc.sql("insert into clearing_period (circuit_id, first_day, last_day, currency, redeem_points, "
                        + "redeem_value, closed_at, closed_by) values (:c, :first, :last, :cur, :pts, :val, :at, :by) "
                        + "returning id")
                .param("c", circuitId).param("first", period.first()).param("last", period.last())
                .param("cur", value.currency().getCurrencyCode()).param("pts", value.points())
                .param("val", value.value().amount()).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
        for (ClearingReport.Line l : lines) {
            jdbc.sql("insert into clearing_line (period_id, issuer_company_id, redeemer_company_id, purpose, amount, "
                            + "value) values (:p, :i, :r, :purpose, :amount, :value)")
                    .param("p", id).param("i", l.issuer().companyId()).param("r", l.redeemer().companyId())
                    .param("purpose", l.purpose().name()).param("amount", l.amount()).param("value", l.value().amount())
                    .update();
        }
        for (Position p : positions) {
            jdbc.sql("insert into settlement (period_id, circuit_id, debtor_company_id, creditor_company_id, amount, "
                            + "currency) values (:p, :c, :d, :cr, :amount, :cur)")
                    .param("p", id).param("c", circuitId).param("d", p.debtor().companyId())
                    .param("cr", p.creditor().companyId()).param("amount", p.amount().amount())
                    .param("cur", p.amount().currency().getCurrencyCode()).update();
        }
        return id;
    }

    List<Flow> lines(long periodId) {
        return jdbc.sql("select * from clearing_line where period_id = :p "
                        + "order by issuer_company_id nulls first, redeemer_company_id nulls first, purpose")
                .param("p", periodId)
                .query((rs, n) -> new Flow(Party.of((Long) rs.getObject("issuer_company_id")),
                        Party.of((Long) rs.getObject("redeemer_company_id")), Purpose.valueOf(rs.getString("purpose")),
                        rs.getLong("amount"))).list();
    }

    List<Settlement> settlements(long periodId) {
        return jdbc.sql("select * from settlement where period_id = :p order by amount desc, id").param("p", periodId)
                .query(SETTLEMENT).list();
    }

    Optional<Settlement> lockSettlement(long circuitId, long id) {
        return jdbc.sql("select * from settlement where circuit_id = :c and id = :id for update")
                .param("c", circuitId).param("id", id).query(SETTLEMENT).optional();
    }

    void markPaid(long id, LocalDate paidOn, String reference, Instant at, String by) {
        jdbc.sql("update settlement set paid_on = :on, payment_reference = :ref, marked_paid_at = :at, "
                        + "marked_paid_by = :by where id = :id")
                .param("on", paidOn).param("ref", reference).param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).update();
    }
}
