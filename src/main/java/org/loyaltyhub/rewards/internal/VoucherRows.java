package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.rewards.FulfilmentStatus;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardKind;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.rewards.VoucherSource;
import org.loyaltyhub.rewards.VoucherStatus;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The voucher and voucher_event tables: vouchers with what they give (from their reward or coupon campaign) and their
 * changes.
 */
@Component
class VoucherRows {

    private static final String SELECT = "select v.*, coalesce(r.kind, nullif(c.gives, 'BONUS_POINTS')) as kind, "
            + "coalesce(r.title_en, c.name) as title_en, coalesce(r.title_it, c.name) as title_it, "
            + "coalesce(r.discount_amount, c.discount_amount) as discount_amount, "
            + "coalesce(r.discount_percent, c.discount_percent) as discount_percent, "
            + "coalesce(r.discount_cap, c.discount_cap) as discount_cap, coalesce(r.product_id, c.product_id) as product_id, "
            + "coalesce(r.currency, c.currency) as reward_currency "
            + "from voucher v left join reward r on r.id = v.reward_id left join coupon_campaign c on c.id = v.campaign_id ";

    private static final RowMapper<Voucher> ROW = (rs, n) -> {
        String kind = rs.getString("kind");
        String currency = rs.getString("reward_currency");
        String fulfilment = rs.getString("fulfilment");
        return new Voucher(rs.getLong("id"), rs.getLong("circuit_id"), new VoucherCode(rs.getString("code")),
                VoucherSource.valueOf(rs.getString("source")), (Long) rs.getObject("reward_id"),
                (Long) rs.getObject("campaign_id"),
                (Long) rs.getObject("member_id"), kind == null ? null : RewardKind.valueOf(kind),
                new RewardDetails.Text(rs.getString("title_en"), rs.getString("title_it")),
                new RewardDetails.Benefit(RewardRows.money(rs.getBigDecimal("discount_amount"), currency),
                        rs.getBigDecimal("discount_percent"), RewardRows.money(rs.getBigDecimal("discount_cap"), currency),
                        rs.getString("product_id")),
                rs.getLong("points"), RewardRows.money(rs.getBigDecimal("cash_amount"), rs.getString("currency")),
                VoucherStatus.valueOf(rs.getString("status")),
                fulfilment == null ? null : FulfilmentStatus.valueOf(fulfilment),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("order_id"), (Long) rs.getObject("store_id"),
                rs.getTimestamp("created_at").toInstant());
    };

    private final JdbcClient jdbc;

    VoucherRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new voucher is made of; {@code pointsKey} names the points spent on it (null when none were). */
    record NewVoucher(long circuitId, VoucherCode code, VoucherSource source, Long rewardId, Long campaignId,
                      Long memberId, String requestKey, long points, String pointsKey,
                      org.loyaltyhub.shared.Money cash, FulfilmentStatus fulfilment, Instant expiresAt) {
    }

    long insert(NewVoucher v) {
        return jdbc.sql("""
                        insert into voucher (circuit_id, code, source, reward_id, campaign_id, member_id, request_key,
                                             points, points_key, cash_amount, currency, status, fulfilment, expires_at)
                        values (:c, :code, :source, :reward, :campaign, :member, :key, :points, :pointsKey, :cash,
                                :currency, 'ISSUED', :fulfilment, :expires) returning id""")
                .param("c", v.circuitId()).param("code", v.code().value()).param("source", v.source().name())
                .param("reward", v.rewardId()).param("campaign", v.campaignId()).param("member", v.memberId())
                .param("key", v.requestKey()).param("points", v.points()).param("pointsKey", v.pointsKey())
                .param("cash", v.cash() == null ? null : v.cash().amount())
                .param("currency", v.cash() == null ? null : v.cash().currency().getCurrencyCode())
                .param("fulfilment", v.fulfilment() == null ? null : v.fulfilment().name())
                .param("expires", Timestamp.from(v.expiresAt())).query(Long.class).single();
    }

    boolean codeTaken(VoucherCode code) {
        return jdbc.sql("select exists (select 1 from voucher where code = :code)").param("code", code.value())
                .query(Boolean.class).single();
    }

    Optional<Voucher> byCode(VoucherCode code) {
        return jdbc.sql(SELECT + "where v.code = :code").param("code", code.value()).query(ROW).optional();
    }

    Optional<Voucher> find(long circuitId, long id) {
        return jdbc.sql(SELECT + "where v.circuit_id = :c and v.id = :id").param("c", circuitId).param("id", id)
                .query(ROW).optional();
    }

    /** The voucher, its row locked until the transaction ends, so two changes of it take turns. */
    Optional<Voucher> lock(long circuitId, long id) {
        jdbc.sql("select id from voucher where circuit_id = :c and id = :id for no key update").param("c", circuitId)
                .param("id", id).query(Long.class).optional();
        return find(circuitId, id);
    }

    Optional<Voucher> byRequest(long circuitId, VoucherSource source, long memberId, String requestKey) {
        return jdbc.sql(SELECT + "where v.circuit_id = :c and v.source = :s and v.member_id = :m and v.request_key = :k")
                .param("c", circuitId).param("s", source.name()).param("m", memberId).param("k", requestKey)
                .query(ROW).optional();
    }

    Optional<String> pointsKey(long id) {
        return jdbc.sql("select points_key from voucher where id = :id and points_key is not null").param("id", id)
                .query(String.class).optional();
    }

    List<Voucher> ofMember(long circuitId, long memberId) {
        return jdbc.sql(SELECT + "where v.circuit_id = :c and v.member_id = :m order by v.created_at desc, v.id desc "
                + "limit 200").param("c", circuitId).param("m", memberId).query(ROW).list();
    }

    /** Claims of a reward by a member since a moment, not counting cancelled vouchers. */
    long claimsSince(long rewardId, long memberId, Instant since) {
        return jdbc.sql("select count(*) from voucher where reward_id = :r and member_id = :m and created_at >= :t "
                        + "and status <> 'CANCELLED'")
                .param("r", rewardId).param("m", memberId).param("t", Timestamp.from(since)).query(Long.class).single();
    }

    void change(long id, VoucherStatus status, FulfilmentStatus fulfilment, String orderId, Long storeId) {
        jdbc.sql("update voucher set status = :s, fulfilment = :f, order_id = coalesce(:o, order_id), "
                        + "store_id = coalesce(:store, store_id), updated_at = now() where id = :id")
                .param("s", status.name()).param("f", fulfilment == null ? null : fulfilment.name())
                .param("o", orderId).param("store", storeId).param("id", id).update();
    }

    void event(Voucher v, String change, String actor, Long storeId, String orderId, String note, Instant at) {
        jdbc.sql("insert into voucher_event (voucher_id, circuit_id, change, actor, store_id, order_id, note, at) "
                        + "values (:v, :c, :change, :actor, :store, :order, :note, :at)")
                .param("v", v.id()).param("c", v.circuitId()).param("change", change).param("actor", actor)
                .param("store", storeId).param("order", orderId).param("note", note).param("at", Timestamp.from(at))
                .update();
    }

    List<Voucher.Event> events(long voucherId) {
        return jdbc.sql("select * from voucher_event where voucher_id = :v order by at, id").param("v", voucherId)
                .query((rs, n) -> new Voucher.Event(rs.getString("change"), rs.getString("actor"),
                        (Long) rs.getObject("store_id"), rs.getString("order_id"), rs.getString("note"),
                        rs.getTimestamp("at").toInstant())).list();
    }

    /** Vouchers of the circuit, newest first, optionally of one status or one member. */
    Page<Voucher> search(long circuitId, VoucherStatus status, Long memberId, PageQuery page) {
        String where = "where v.circuit_id = :c" + (status == null ? "" : " and v.status = :s")
                + (memberId == null ? "" : " and v.member_id = :m");
        var count = jdbc.sql("select count(*) from voucher v " + where).param("c", circuitId);
        var list = jdbc.sql(SELECT + where + " order by v.created_at desc, v.id desc limit :n offset :o")
                .param("c", circuitId).param("n", page.size()).param("o", page.offset());
        if (status != null) {
            count = count.param("s", status.name());
            list = list.param("s", status.name());
        }
        if (memberId != null) {
            count = count.param("m", memberId);
            list = list.param("m", memberId);
        }
        return Page.of(list.query(ROW).list(), page, count.query(Long.class).single());
    }

    /** Physical rewards waiting for a store: requested or ready, oldest first. */
    List<Voucher> fulfilmentQueue(long circuitId) {
        return jdbc.sql(SELECT + "where v.circuit_id = :c and v.fulfilment in ('REQUESTED', 'READY') "
                + "and v.status = 'ISSUED' order by v.created_at, v.id limit 500").param("c", circuitId).query(ROW).list();
    }

    /** Issued vouchers past their expiry, across circuits, for the expiry round. */
    List<Voucher> due(Instant asOf, int limit) {
        return jdbc.sql(SELECT + "where v.status = 'ISSUED' and v.expires_at <= :t order by v.expires_at limit :n")
                .param("t", Timestamp.from(asOf)).param("n", limit).query(ROW).list();
    }
}
