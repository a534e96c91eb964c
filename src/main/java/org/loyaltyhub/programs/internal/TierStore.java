package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.TierStanding.Basis;
import org.loyaltyhub.programs.internal.TierPolicy.Downgrade;
import org.loyaltyhub.programs.internal.TierPolicy.Window;
import org.loyaltyhub.programs.internal.TierRules.Held;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The circuit's tiers and tier policy, and each member's tier state, in SQL. */
@Component
class TierStore {

    private final JdbcClient jdbc;

    private final CircuitFeatures features;

    TierStore(JdbcClient jdbc, CircuitFeatures features) {
        this.features = features;
        this.jdbc = jdbc;
    }

    /** A member's tier row: the computed tier, the manual one, and when the nightly must look again. */
    record MemberTier(long memberId, long circuitId, Held held, Long manualTierId, String manualReason,
                      String manualActor, LocalDate manualUntil, LocalDate reviewOn) {
    }

    static final RowMapper<Tier> TIER = (rs, n) -> new Tier(rs.getLong("id"), rs.getString("name_en"),
            rs.getString("name_it"), rs.getString("colour"), rs.getString("icon"), rs.getBigDecimal("threshold"),
            rs.getString("benefits_en"), rs.getString("benefits_it"), rs.getBigDecimal("earn_multiplier"),
            rs.getBigDecimal("redeem_extra_percent"), rs.getBigDecimal("max_discount_amount"),
            rs.getBigDecimal("max_discount_percent"));

    /** The member_activity column a basis counts. */
    static String column(Basis basis) {
        return switch (basis) {
            case POINTS_EARNED -> "points";
            case AMOUNT_SPENT -> "spent";
            case VISITS -> "purchases";
        };
    }

    Optional<TierPolicy> policy(long circuitId) {
        return jdbc.sql("select * from tier_policy where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> new TierPolicy(Basis.valueOf(rs.getString("basis")),
                        Window.valueOf(rs.getString("window_kind")), (Integer) rs.getObject("window_months"),
                        Downgrade.valueOf(rs.getString("downgrade")), (Integer) rs.getObject("below_months"),
                        rs.getInt("grace_days"), java.util.Arrays.stream((String[]) rs.getArray("bonus_points").getArray())
                                .map(TierPolicy.BonusPoints::valueOf).collect(java.util.stream.Collectors.toSet())))
                .optional();
    }

    void savePolicy(long circuitId, TierPolicy p) {
        jdbc.sql("""
                        insert into tier_policy (circuit_id, basis, window_kind, window_months, downgrade, below_months,
                                                 grace_days, bonus_points)
                        values (:c, :basis, :window, :months, :downgrade, :below, :grace, cast(:bonus as text[]))
                        on conflict (circuit_id) do update set basis = excluded.basis,
                            window_kind = excluded.window_kind, window_months = excluded.window_months,
                            downgrade = excluded.downgrade, below_months = excluded.below_months,
                            grace_days = excluded.grace_days, bonus_points = excluded.bonus_points
                        """)
                .param("c", circuitId).param("basis", p.basis().name()).param("window", p.window().name())
                .param("months", p.windowMonths()).param("downgrade", p.downgrade().name())
                .param("below", p.belowMonths()).param("grace", p.graceDays())
                .param("bonus", p.bonusPoints().stream().map(Enum::name).sorted().toArray(String[]::new)).update();
    }

    /** The circuit's tiers, lowest threshold first. */
    List<Tier> tiers(long circuitId) {
        return jdbc.sql("select * from tier where circuit_id = :c order by threshold").param("c", circuitId)
                .query(TIER).list();
    }

    Optional<Tier> tier(long circuitId, long id) {
        return jdbc.sql("select * from tier where circuit_id = :c and id = :id").param("c", circuitId).param("id", id)
                .query(TIER).optional();
    }

    long insert(long circuitId, Tier t) {
        features.changed(circuitId);
        return params(jdbc.sql("""
                        insert into tier (circuit_id, name_en, name_it, colour, icon, threshold, benefits_en,
                                          benefits_it, earn_multiplier, redeem_extra_percent, max_discount_amount,
                                          max_discount_percent)
                        values (:c, :nameEn, :nameIt, :colour, :icon, :threshold, :benefitsEn, :benefitsIt,
                                :multiplier, :extra, :maxAmount, :maxPercent) returning id
                        """), circuitId, t).query(Long.class).single();
    }

    boolean update(long circuitId, long id, Tier t) {
        return params(jdbc.sql("""
                        update tier set name_en = :nameEn, name_it = :nameIt, colour = :colour, icon = :icon,
                            threshold = :threshold, benefits_en = :benefitsEn, benefits_it = :benefitsIt,
                            earn_multiplier = :multiplier, redeem_extra_percent = :extra,
                            max_discount_amount = :maxAmount, max_discount_percent = :maxPercent
                         where circuit_id = :c and id = :id
                        """), circuitId, t).param("id", id).update() == 1;
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, long circuitId, Tier t) {
        return sql.param("c", circuitId).param("nameEn", t.nameEn()).param("nameIt", t.nameIt())
                .param("colour", t.colour()).param("icon", t.icon()).param("threshold", t.threshold())
                .param("benefitsEn", t.benefitsEn()).param("benefitsIt", t.benefitsIt())
                .param("multiplier", t.earnMultiplier()).param("extra", t.redeemExtraPercent())
                .param("maxAmount", t.maxDiscountAmount()).param("maxPercent", t.maxDiscountPercent());
    }

    /** Deletes a tier: members who held it (computed or manually) are looked at again from {@code today}. */
    boolean delete(long circuitId, long id, LocalDate today) {
        jdbc.sql("""
                        update member_tier set tier_id = case when tier_id = :id then null else tier_id end,
                            since = case when tier_id = :id then null else since end,
                            manual_tier_id = case when manual_tier_id = :id then null else manual_tier_id end,
                            manual_reason = case when manual_tier_id = :id then null else manual_reason end,
                            review_on = :today
                         where circuit_id = :c and (tier_id = :id or manual_tier_id = :id)
                        """)
                .param("c", circuitId).param("id", id).param("today", Date.valueOf(today)).update();
        return jdbc.sql("delete from tier where circuit_id = :c and id = :id").param("c", circuitId).param("id", id)
                .update() == 1;
    }

    /** Every member with activity or a tier in the circuit is looked at again by the next nightly round. */
    void reviewEveryone(long circuitId, LocalDate today) {
        jdbc.sql("""
                        insert into member_tier (member_id, circuit_id, review_on)
                        select distinct member_id, circuit_id, cast(:today as date) from member_activity
                         where circuit_id = :c
                        on conflict (member_id) do update set review_on = excluded.review_on
                        """)
                .param("c", circuitId).param("today", Date.valueOf(today)).update();
        jdbc.sql("update member_tier set review_on = :today where circuit_id = :c and review_on is distinct from :today")
                .param("c", circuitId).param("today", Date.valueOf(today)).update();
    }

    /** The member's tier row, locked for this transaction (made first if missing): changes to it come one at a time. */
    MemberTier lock(long circuitId, long memberId) {
        jdbc.sql("insert into member_tier (member_id, circuit_id) values (:m, :c) on conflict do nothing")
                .param("m", memberId).param("c", circuitId).update();
        return jdbc.sql("select * from member_tier where member_id = :m and circuit_id = :c for update")
                .param("m", memberId).param("c", circuitId).query(TierStore::memberTier).single();
    }

    Optional<MemberTier> memberTier(long circuitId, long memberId) {
        return jdbc.sql("select * from member_tier where member_id = :m and circuit_id = :c")
                .param("m", memberId).param("c", circuitId).query(TierStore::memberTier).optional();
    }

    static MemberTier memberTier(ResultSet rs, int n) throws SQLException {
        return new MemberTier(rs.getLong("member_id"), rs.getLong("circuit_id"), new Held(
                (Long) rs.getObject("tier_id"), day(rs, "since"), day(rs, "kept_until"), day(rs, "below_since")),
                (Long) rs.getObject("manual_tier_id"), rs.getString("manual_reason"), rs.getString("manual_actor"),
                day(rs, "manual_until"), day(rs, "review_on"));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    void save(long memberId, Held held, LocalDate reviewOn) {
        jdbc.sql("""
                        update member_tier set tier_id = :tier, since = :since, kept_until = :kept,
                            below_since = :below, review_on = :review where member_id = :m
                        """)
                .param("m", memberId).param("tier", held.tierId()).param("since", date(held.since()))
                .param("kept", date(held.keptUntil())).param("below", date(held.belowSince()))
                .param("review", date(reviewOn)).update();
    }

    void setManual(long memberId, Long tierId, String reason, String actor, LocalDate until) {
        jdbc.sql("""
                        update member_tier set manual_tier_id = :tier, manual_reason = :reason, manual_actor = :actor,
                            manual_until = :until where member_id = :m
                        """)
                .param("m", memberId).param("tier", tierId).param("reason", reason).param("actor", actor)
                .param("until", date(until)).update();
    }

    /** The tier in force for the member today: the manual one until its last day, else the computed one. */
    /**
     * The tier in force for a member: set by hand (until its end), or held; a member the tiers have not looked at
     * yet (no activity since the tiers exist) is in the entry tier when one starts at 0.
     */
    Optional<Tier> inForce(long circuitId, long memberId, LocalDate today) {
        return jdbc.sql("""
                        select t.* from member_tier mt join tier t on t.circuit_id = mt.circuit_id
                           and t.id = case when mt.manual_tier_id is not null
                                            and (mt.manual_until is null or mt.manual_until >= :today)
                                           then mt.manual_tier_id else mt.tier_id end
                         where mt.member_id = :m and mt.circuit_id = :c
                        union all
                        select t.* from tier t
                         where t.circuit_id = :c and t.threshold = 0
                           and not exists (select 1 from member_tier mt where mt.member_id = :m and mt.circuit_id = :c)
                        limit 1
                        """)
                .param("m", memberId).param("c", circuitId).param("today", Date.valueOf(today)).query(TIER).optional();
    }

    /** Member ids of the circuit due for a look on {@code today}, after {@code after}, in id order. */
    List<Long> due(long circuitId, LocalDate today, long after, int limit) {
        return jdbc.sql("""
                        select member_id from member_tier
                         where circuit_id = :c and review_on is not null and review_on <= :today and member_id > :after
                         order by member_id limit :limit
                        """)
                .param("c", circuitId).param("today", Date.valueOf(today)).param("after", after)
                .param("limit", limit).query(Long.class).list();
    }

    /** Circuits with a tier policy and at least one tier. */
    List<Long> circuitsWithTiers() {
        return jdbc.sql("select p.circuit_id from tier_policy p where exists (select 1 from tier t "
                + "where t.circuit_id = p.circuit_id) order by p.circuit_id").query(Long.class).list();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
