package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignFigures;
import org.loyaltyhub.rewards.CampaignGift;
import org.loyaltyhub.rewards.CodeMode;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.shared.Money;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The coupon_campaign table, and the campaign's vouchers as a whole: a batch of unique codes inserted in one
 * statement (collisions skipped, for the caller to make again), codes handed to members, figures and the code list.
 */
@Component
class CampaignRows {

    private static final RowMapper<Campaign> ROW = (rs, n) -> {
        String currency = rs.getString("currency");
        CampaignDetails d = new CampaignDetails(rs.getString("name"), CampaignGift.valueOf(rs.getString("gives")),
                new RewardDetails.Benefit(RewardRows.money(rs.getBigDecimal("discount_amount"), currency),
                        rs.getBigDecimal("discount_percent"), RewardRows.money(rs.getBigDecimal("discount_cap"), currency),
                        rs.getString("product_id")),
                (Long) rs.getObject("bonus_points"), RewardRows.instant(rs, "valid_from"),
                RewardRows.instant(rs, "valid_until"), CodeMode.valueOf(rs.getString("code_mode")),
                rs.getString("shared_code"), rs.getInt("per_member_limit"), (Integer) rs.getObject("total_limit"),
                RewardRows.ids(rs, "company_ids"), RewardRows.ids(rs, "store_ids"));
        return new Campaign(rs.getLong("id"), rs.getLong("circuit_id"), d, rs.getInt("codes_made"),
                rs.getTimestamp("created_at").toInstant());
    };

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new campaign's id; empty when {@code requestKey} (null: none) already created one in the circuit. */
    Optional<Long> insert(long circuitId, String currency, CampaignDetails d, String requestKey) {
        return bind(jdbc.sql("""
                insert into coupon_campaign (circuit_id, currency, name, gives, discount_amount, discount_percent,
                    discount_cap, product_id, bonus_points, valid_from, valid_until, code_mode, shared_code,
                    per_member_limit, total_limit, company_ids, store_ids, request_key)
                values (:c, :currency, :name, :gives, :amount, :percent, :cap, :product, :points, :from, :until, :mode,
                    :shared, :perMember, :total, cast(:companies as bigint[]), cast(:stores as bigint[]), :key)
                on conflict (circuit_id, request_key) where request_key is not null do nothing
                returning id"""), d).param("c", circuitId).param("currency", currency).param("key", requestKey)
                .query(Long.class).optional();
    }

    /** The campaign a request key created. */
    Optional<Campaign> byRequest(long circuitId, String requestKey) {
        return jdbc.sql("select * from coupon_campaign where circuit_id = :c and request_key = :k")
                .param("c", circuitId).param("k", requestKey).query(ROW).optional();
    }

    void update(long circuitId, long id, CampaignDetails d) {
        bind(jdbc.sql("""
                update coupon_campaign set name = :name, gives = :gives, discount_amount = :amount,
                    discount_percent = :percent, discount_cap = :cap, product_id = :product, bonus_points = :points,
                    valid_from = :from, valid_until = :until, code_mode = :mode, shared_code = :shared,
                    per_member_limit = :perMember, total_limit = :total, company_ids = cast(:companies as bigint[]),
                    store_ids = cast(:stores as bigint[]), updated_at = now()
                where circuit_id = :c and id = :id"""), d).param("c", circuitId).param("id", id).update();
        jdbc.sql("update voucher set expires_at = :until where campaign_id = :id and status = 'ISSUED'")
                .param("until", Timestamp.from(d.validUntil())).param("id", id).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, CampaignDetails d) {
        RewardDetails.Benefit b = d.benefit();
        return s.param("name", d.name()).param("gives", d.gives().name()).param("amount", RewardRows.amount(b.amount()))
                .param("percent", b.percent()).param("cap", RewardRows.amount(b.cap())).param("product", b.productId())
                .param("points", d.bonusPoints()).param("from", Timestamp.from(d.validFrom()))
                .param("until", Timestamp.from(d.validUntil())).param("mode", d.codeMode().name())
                .param("shared", d.sharedCode()).param("perMember", d.perMemberLimit()).param("total", d.totalLimit())
                .param("companies", RewardRows.array(d.companyIds())).param("stores", RewardRows.array(d.storeIds()));
    }

    Optional<Campaign> find(long circuitId, long id) {
        return jdbc.sql("select * from coupon_campaign where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional();
    }

    /** The campaign, its row locked until the transaction ends: uses of one campaign take their turn (its limits). */
    Optional<Campaign> lock(long circuitId, long id) {
        return jdbc.sql("select * from coupon_campaign where circuit_id = :c and id = :id for no key update")
                .param("c", circuitId).param("id", id).query(ROW).optional();
    }

    List<Campaign> list(long circuitId) {
        return jdbc.sql("select * from coupon_campaign where circuit_id = :c order by valid_until desc, id desc")
                .param("c", circuitId).query(ROW).list();
    }

    /** Campaigns, of any circuit, whose shared code is this one (to tell another circuit's code from an unknown one). */
    List<Campaign> bySharedCode(String code) {
        return jdbc.sql("select * from coupon_campaign where shared_code = :s").param("s", code).query(ROW).list();
    }

    boolean sharedCodeTaken(long circuitId, String code, Long exceptId) {
        return jdbc.sql("select exists (select 1 from coupon_campaign where circuit_id = :c and shared_code = :s "
                        + "and id <> :id)").param("c", circuitId).param("s", code)
                .param("id", exceptId == null ? -1 : exceptId).query(Boolean.class).single();
    }

    /** Redeemed vouchers of the campaign: in all, and (when a member is given) that member's. */
    long redeemed(long campaignId) {
        return jdbc.sql("select count(*) from voucher where campaign_id = :id and status = 'REDEEMED'")
                .param("id", campaignId).query(Long.class).single();
    }

    long redeemedBy(long campaignId, long memberId) {
        return jdbc.sql("select count(*) from voucher where campaign_id = :id and member_id = :m and status = 'REDEEMED'")
                .param("id", campaignId).param("m", memberId).query(Long.class).single();
    }

    /**
     * Inserts the codes as issued vouchers of the campaign, with their issue event, in one statement; codes already
     * taken are skipped. Returns how many were inserted.
     */
    int insertCodes(Campaign c, List<VoucherCode> codes, String actor) {
        int made = jdbc.sql("""
                with made as (
                    insert into voucher (circuit_id, code, source, campaign_id, request_key, status, expires_at)
                    select :c, code, 'CAMPAIGN', :id, code, 'ISSUED', :until
                    from unnest(cast(:codes as text[])) as code
                    on conflict (code) do nothing
                    returning id, circuit_id)
                insert into voucher_event (voucher_id, circuit_id, change, actor, at)
                select id, circuit_id, 'ISSUED', :actor, now() from made""")
                .param("c", c.circuitId()).param("id", c.id()).param("until", Timestamp.from(c.details().validUntil()))
                .param("codes", RewardRows.array(codes)).param("actor", actor).update();
        jdbc.sql("update coupon_campaign set codes_made = codes_made + :n, updated_at = now() where id = :id")
                .param("n", made).param("id", c.id()).update();
        return made;
    }

    /** Hands the campaign's next unassigned issued code to the member; false when none is left. */
    boolean assignNext(Campaign c, long memberId) {
        return jdbc.sql("""
                update voucher set member_id = :m, updated_at = now() where id = (
                    select id from voucher where campaign_id = :id and member_id is null and status = 'ISSUED'
                    order by id limit 1 for update skip locked)""")
                .param("m", memberId).param("id", c.id()).update() == 1;
    }

    /** A code a member holds from a campaign: just claimed, or {@code before} (an earlier claim's). */
    record MemberCode(String code, boolean before) {
    }

    /** Puts two claims of one member for one campaign in line (until the transaction ends). */
    void lockClaim(long campaignId, long memberId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "coupon-claim:" + campaignId + ":" + memberId).query(Object.class).single();
    }

    /**
     * In one statement: the member's code of the campaign if they have one, else the next free unique code while
     * the campaign runs; empty when neither (over, not started, or no code left).
     */
    java.util.Optional<MemberCode> claimNext(Campaign c, long memberId, java.time.Instant now) {
        return jdbc.sql("""
                        with mine as (
                            select code from voucher where campaign_id = :id and member_id = :m order by id limit 1),
                        taken as (
                            update voucher set member_id = :m, updated_at = now() where id = (
                                select v.id from voucher v join coupon_campaign c on c.id = v.campaign_id
                                where v.campaign_id = :id and c.circuit_id = :c and v.member_id is null
                                  and v.status = 'ISSUED' and c.valid_from <= :now and c.valid_until > :now
                                  and not exists (select 1 from mine)
                                order by v.id limit 1 for update of v skip locked)
                            returning code)
                        select code, false as before from taken union all select code, true from mine""")
                .param("id", c.id()).param("c", c.circuitId()).param("m", memberId)
                .param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new MemberCode(rs.getString(1), rs.getBoolean(2))).optional();
    }

    boolean hasCode(long campaignId, long memberId) {
        return jdbc.sql("select exists (select 1 from voucher where campaign_id = :id and member_id = :m)")
                .param("id", campaignId).param("m", memberId).query(Boolean.class).single();
    }

    void setMember(long voucherId, long memberId) {
        jdbc.sql("update voucher set member_id = :m where id = :id and member_id is null").param("m", memberId)
                .param("id", voucherId).update();
    }

    void setDiscount(long voucherId, BigDecimal discount) {
        jdbc.sql("update voucher set discount = :d where id = :id").param("d", discount).param("id", voucherId).update();
    }

    /** Every code of the campaign, oldest first, one row at a time (for the CSV export). */
    void eachCode(long circuitId, long campaignId, RowCallbackHandler row) {
        jdbc.sql("select code, member_id, status, expires_at from voucher where circuit_id = :c and campaign_id = :id "
                        + "order by id").param("c", circuitId).param("id", campaignId).query(row);
    }

    /** The campaign's first unused codes, for a printed sheet. */
    List<VoucherCode> unusedCodes(long campaignId, int limit) {
        return jdbc.sql("select code from voucher where campaign_id = :id and status = 'ISSUED' order by id limit :n")
                .param("id", campaignId).param("n", limit).query((rs, n) -> new VoucherCode(rs.getString(1))).list();
    }

    CampaignFigures figures(Campaign c) {
        return jdbc.sql("""
                select count(*) as issued,
                       count(*) filter (where v.status = 'REDEEMED') as redeemed,
                       coalesce(sum(v.discount) filter (where v.status = 'REDEEMED'), 0) as discount,
                       count(*) filter (where v.status = 'REDEEMED' and v.order_id is null) as no_order,
                       coalesce((select sum(p.total - p.refunded) from purchase p
                                 where p.circuit_id = :c and (p.store_id, p.order_id) in (select u.store_id, u.order_id from voucher u
                                        where u.campaign_id = :id and u.status = 'REDEEMED'
                                          and u.order_id is not null)), 0) as sales,
                       (select currency from coupon_campaign where id = :id) as currency
                from voucher v where v.campaign_id = :id""")
                .param("c", c.circuitId()).param("id", c.id())
                .query((rs, n) -> {
                    long issued = rs.getLong("issued");
                    long redeemed = rs.getLong("redeemed");
                    String currency = rs.getString("currency");
                    long bonus = c.details().bonusPoints() == null ? 0 : c.details().bonusPoints() * redeemed;
                    return new CampaignFigures(issued, redeemed, CampaignFigures.rate(issued, redeemed),
                            Money.of(rs.getBigDecimal("discount"), currency), Money.of(rs.getBigDecimal("sales"), currency),
                            rs.getLong("no_order"), bonus);
                }).single();
    }
}
