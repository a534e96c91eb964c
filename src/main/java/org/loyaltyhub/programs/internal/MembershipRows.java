package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of memberships and their sales. */
@Component
class MembershipRows {

    private final JdbcClient jdbc;

    MembershipRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises grants to one member, so a membership and its sale are written once whatever runs beside. */
    void lockMember(long circuitId, long memberId) {
        jdbc.sql("select id from member where id = :m and circuit_id = :c for update").param("m", memberId)
                .param("c", circuitId).query(Long.class).optional();
    }

    Optional<Membership> active(long circuitId, long memberId) {
        return jdbc.sql("select * from membership where circuit_id = :c and member_id = :m and status = 'ACTIVE'")
                .param("c", circuitId).param("m", memberId).query(MembershipRows::membership).optional();
    }

    Optional<Membership> find(long circuitId, long id) {
        return jdbc.sql("select * from membership where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(MembershipRows::membership).optional();
    }

    List<Membership> ofMember(long circuitId, long memberId) {
        return jdbc.sql("select * from membership where circuit_id = :c and member_id = :m order by id desc limit 50")
                .param("c", circuitId).param("m", memberId).query(MembershipRows::membership).list();
    }

    long insert(long circuitId, long memberId, long planId, Instant from, Instant to) {
        return jdbc.sql("""
                        insert into membership (circuit_id, member_id, plan_id, starts_at, ends_at, status)
                        values (:c, :m, :p, :from, :to, 'ACTIVE') returning id
                        """)
                .param("c", circuitId).param("m", memberId).param("p", planId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(Long.class).single();
    }

    void moveEnd(long id, Instant to) {
        jdbc.sql("update membership set ends_at = :to where id = :id and status = 'ACTIVE'").param("id", id)
                .param("to", Timestamp.from(to)).update();
    }

    /** Ends an active membership; false when it was no longer active (or, with {@code dueBy}, not due yet). */
    boolean end(long id, MembershipStatus status, Instant at, String reason, Instant dueBy) {
        return jdbc.sql("""
                        update membership set status = :s, ended_at = :at, end_reason = :reason
                         where id = :id and status = 'ACTIVE' and (cast(:due as timestamptz) is null or ends_at <= :due)
                        """)
                .param("id", id).param("s", status.name()).param("at", Timestamp.from(at)).param("reason", reason)
                .param("due", dueBy == null ? null : Timestamp.from(dueBy)).update() == 1;
    }

    /** Marks the current end date reminded; false when it already was (or the membership ended). */
    boolean markReminded(long id) {
        return jdbc.sql("""
                        update membership set reminded_for = ends_at
                         where id = :id and status = 'ACTIVE' and reminded_for is distinct from ends_at
                        """).param("id", id).update() == 1;
    }

    /** Active memberships whose end is at or before {@code asOf}. */
    List<Membership> due(Instant asOf, int limit) {
        return jdbc.sql("select * from membership where status = 'ACTIVE' and ends_at <= :at order by ends_at limit :n")
                .param("at", Timestamp.from(asOf)).param("n", limit).query(MembershipRows::membership).list();
    }

    /** Active memberships ending after {@code asOf} and by {@code until} whose end has not been reminded. */
    List<Membership> toRemind(Instant asOf, Instant until, int limit) {
        return jdbc.sql("""
                        select * from membership where status = 'ACTIVE' and ends_at > :at and ends_at <= :until
                           and reminded_for is distinct from ends_at order by ends_at limit :n
                        """)
                .param("at", Timestamp.from(asOf)).param("until", Timestamp.from(until)).param("n", limit)
                .query(MembershipRows::membership).list();
    }

    long circuitOf(long membershipId) {
        return jdbc.sql("select circuit_id from membership where id = :id").param("id", membershipId)
                .query(Long.class).single();
    }

    Optional<MembershipSale> saleByKey(long circuitId, String key) {
        return jdbc.sql("select * from membership_sale where circuit_id = :c and grant_key = :k")
                .param("c", circuitId).param("k", key).query(MembershipRows::sale).optional();
    }

    List<MembershipSale> salesOfPurchase(long circuitId, long purchaseId) {
        return jdbc.sql("select * from membership_sale where circuit_id = :c and purchase_id = :p order by id")
                .param("c", circuitId).param("p", purchaseId).query(MembershipRows::sale).list();
    }

    MembershipSale insertSale(long circuitId, long membershipId, long memberId, MembershipPlan plan,
                              MembershipSale.Kind kind, MembershipSale.Facts f, MembershipTerm.Period period,
                              Instant at) {
        long id = jdbc.sql("""
                        insert into membership_sale (circuit_id, grant_key, membership_id, member_id, plan_id, kind,
                            source, amount, currency, company_id, store_id, payment_method, receipt_number,
                            order_reference, purchase_id, period_from, period_to, actor, sold_at)
                        values (:c, :key, :ms, :m, :p, :kind, :source, :amount, :currency, :company, :store, :pay,
                            :receipt, :order, :purchase, :from, :to, :actor, :at) returning id
                        """)
                .param("c", circuitId).param("key", f.grantKey()).param("ms", membershipId).param("m", memberId)
                .param("p", plan.id()).param("kind", kind.name()).param("source", f.source().name())
                .param("amount", f.amount()).param("currency", plan.currency()).param("company", f.companyId())
                .param("store", f.storeId()).param("pay", f.paymentMethod().name()).param("receipt", f.receiptNumber())
                .param("order", f.orderReference()).param("purchase", f.purchaseId())
                .param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()))
                .param("actor", f.actor()).param("at", Timestamp.from(at)).query(Long.class).single();
        return jdbc.sql("select * from membership_sale where id = :id").param("id", id).query(MembershipRows::sale)
                .single();
    }

    boolean markRefunded(long saleId, Instant at) {
        return jdbc.sql("update membership_sale set refunded_at = :at where id = :id and refunded_at is null")
                .param("id", saleId).param("at", Timestamp.from(at)).update() == 1;
    }

    List<MembershipSale> sales(long circuitId, Long companyId, PageQuery page) {
        return jdbc.sql("""
                        select * from membership_sale where circuit_id = :c
                           and (cast(:company as bigint) is null or company_id = :company)
                         order by sold_at desc, id desc limit :size offset :offset
                        """)
                .param("c", circuitId).param("company", companyId).param("size", page.size())
                .param("offset", page.offset()).query(MembershipRows::sale).list();
    }

    long countSales(long circuitId, Long companyId) {
        return jdbc.sql("""
                        select count(*) from membership_sale where circuit_id = :c
                           and (cast(:company as bigint) is null or company_id = :company)
                        """)
                .param("c", circuitId).param("company", companyId).query(Long.class).single();
    }

    static Membership membership(ResultSet rs, int n) throws SQLException {
        return new Membership(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("plan_id"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                MembershipStatus.valueOf(rs.getString("status")), instant(rs, "ended_at"), rs.getString("end_reason"));
    }

    static MembershipSale sale(ResultSet rs, int n) throws SQLException {
        return new MembershipSale(rs.getLong("id"), rs.getLong("membership_id"), rs.getLong("member_id"),
                rs.getLong("plan_id"), MembershipSale.Kind.valueOf(rs.getString("kind")),
                MembershipSource.valueOf(rs.getString("source")), rs.getBigDecimal("amount").setScale(2,
                java.math.RoundingMode.HALF_EVEN), rs.getString("currency"), (Long) rs.getObject("company_id"),
                (Long) rs.getObject("store_id"), PaymentMethod.valueOf(rs.getString("payment_method")),
                rs.getString("receipt_number"), rs.getString("order_reference"), (Long) rs.getObject("purchase_id"),
                rs.getTimestamp("period_from").toInstant(), rs.getTimestamp("period_to").toInstant(),
                instant(rs, "refunded_at"), rs.getTimestamp("sold_at").toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
