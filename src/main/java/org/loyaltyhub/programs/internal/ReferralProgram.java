package org.loyaltyhub.programs.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.loyaltyhub.programs.ReferralRewards;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.programs.ReferralSettings.Funding;
import org.loyaltyhub.programs.RewardOffers;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The referral program's settings (read on every purchase settlement, so kept a few seconds like the program's) and
 * the figures of what it gave, from the awards and multi-level commissions written by {@link ReferralAwards} and
 * {@link MultiLevelCommissions}.
 */
@Service
@Transactional
class ReferralProgram implements ReferralRewards {

    private final JdbcClient jdbc;
    private final ObjectProvider<RewardOffers> offers;
    private final Cache<Long, ReferralSettings> cache =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(10_000).build();

    ReferralProgram(JdbcClient jdbc, ObjectProvider<RewardOffers> offers) {
        this.jdbc = jdbc;
        this.offers = offers;
    }

    @Override
    @Transactional(readOnly = true)
    public ReferralSettings settings(long circuitId) {
        return cache.get(circuitId, this::load);
    }

    private ReferralSettings load(long circuitId) {
        return jdbc.sql("select * from referral_settings where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> new ReferralSettings(rs.getBoolean("enabled"), rs.getLong("referrer_points"),
                        rs.getLong("friend_points"), rs.getBigDecimal("min_spend").stripTrailingZeros(),
                        rs.getInt("daily_cap"), rs.getInt("return_days"), Funding.valueOf(rs.getString("funding")),
                        percents(rs), rs.getLong("monthly_cap"), (Long) rs.getObject("referrer_reward_id"),
                        (Long) rs.getObject("friend_reward_id")))
                .optional().orElseGet(ReferralSettings::defaults);
    }

    private static List<BigDecimal> percents(ResultSet rs) throws SQLException {
        Object[] values = (Object[]) rs.getArray("level_percents").getArray();
        return Arrays.stream(values).map(v -> ((BigDecimal) v).stripTrailingZeros()).toList();
    }

    @Override
    public ReferralSettings change(Caller caller, ReferralSettings s) {
        caller.require(Role.CIRCUIT_ADMIN);
        offered(caller.circuit(), "referrerRewardId", s.referrerRewardId());
        offered(caller.circuit(), "friendRewardId", s.friendRewardId());
        String percents = s.levelPercents().stream().map(BigDecimal::toPlainString)
                .collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("""
                        insert into referral_settings (circuit_id, enabled, referrer_points, friend_points, min_spend,
                            daily_cap, return_days, funding, level_percents, monthly_cap, referrer_reward_id,
                            friend_reward_id, updated_at)
                        values (:c, :enabled, :referrer, :friend, :minSpend, :cap, :days, :funding,
                            cast(:percents as numeric[]), :monthlyCap, :referrerReward, :friendReward, now())
                        on conflict (circuit_id) do update set enabled = excluded.enabled,
                            referrer_points = excluded.referrer_points, friend_points = excluded.friend_points,
                            min_spend = excluded.min_spend, daily_cap = excluded.daily_cap,
                            return_days = excluded.return_days, funding = excluded.funding,
                            level_percents = excluded.level_percents, monthly_cap = excluded.monthly_cap,
                            referrer_reward_id = excluded.referrer_reward_id,
                            friend_reward_id = excluded.friend_reward_id, updated_at = now()""")
                .param("c", caller.circuit()).param("enabled", s.enabled()).param("referrer", s.referrerPoints())
                .param("friend", s.friendPoints()).param("minSpend", s.minSpend()).param("cap", s.dailyCap())
                .param("days", s.returnDays()).param("funding", s.funding().name()).param("percents", percents)
                .param("monthlyCap", s.monthlyCap()).param("referrerReward", s.referrerRewardId())
                .param("friendReward", s.friendRewardId()).update();
        cache.invalidate(caller.circuit());
        return load(caller.circuit());
    }

    /** A reward voucher must be one of the circuit's active rewards. */
    private void offered(long circuitId, String field, Long rewardId) {
        if (rewardId == null) {
            return;
        }
        RewardOffers catalogue = offers.getIfAvailable();
        if (catalogue == null || catalogue.offered(circuitId).stream().noneMatch(o -> o.id() == rewardId)) {
            throw new InvalidInput(field, "reward " + rewardId + " is not an active reward of this circuit");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figures(long circuitId) {
        Figures awards = jdbc.sql("""
                        select count(*) filter (where status = 'AWARDED') as conversions,
                               count(*) filter (where status = 'REVERSED') as reversed,
                               coalesce(sum(referrer_points) filter (where status = 'AWARDED'), 0) as referrer,
                               coalesce(sum(friend_points) filter (where status = 'AWARDED'), 0) as friend
                          from referral_award where circuit_id = :c""")
                .param("c", circuitId).query((rs, n) -> new Figures(rs.getLong("conversions"), rs.getLong("reversed"),
                        rs.getLong("referrer"), rs.getLong("friend"), 0)).single();
        long multiLevel = jdbc.sql("select coalesce(sum(credited), 0) from multi_level_award where circuit_id = :c")
                .param("c", circuitId).query(Long.class).single();
        return new Figures(awards.conversions(), awards.reversed(), awards.referrerPoints(), awards.friendPoints(),
                multiLevel);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Figures> byReferrer(long circuitId, Collection<Long> referrerIds) {
        if (referrerIds.isEmpty()) {
            return Map.of();
        }
        record Row(long memberId, Figures figures) {
        }
        Map<Long, Figures> figures = new HashMap<>();
        jdbc.sql("""
                        select referrer_member_id as member, count(*) filter (where status = 'AWARDED') as conversions,
                               count(*) filter (where status = 'REVERSED') as reversed,
                               coalesce(sum(referrer_points) filter (where status = 'AWARDED'), 0) as referrer,
                               coalesce(sum(friend_points) filter (where status = 'AWARDED'), 0) as friend
                          from referral_award where circuit_id = :c and referrer_member_id in (:ids)
                         group by referrer_member_id""")
                .param("c", circuitId).param("ids", referrerIds)
                .query((rs, n) -> new Row(rs.getLong("member"), new Figures(rs.getLong("conversions"),
                        rs.getLong("reversed"), rs.getLong("referrer"), rs.getLong("friend"), 0)))
                .list().forEach(row -> figures.put(row.memberId(), row.figures()));
        jdbc.sql("""
                        select upline_member_id as member, sum(credited) as points from multi_level_award
                         where circuit_id = :c and upline_member_id in (:ids) group by upline_member_id""")
                .param("c", circuitId).param("ids", referrerIds)
                .query((rs, n) -> new Row(rs.getLong("member"), new Figures(0, 0, 0, 0, rs.getLong("points"))))
                .list().forEach(row -> figures.merge(row.memberId(), row.figures(), (a, b) -> new Figures(
                        a.conversions(), a.reversed(), a.referrerPoints(), a.friendPoints(), b.multiLevelPoints())));
        return figures;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, AwardStatus> awards(long circuitId, Collection<Long> friendIds) {
        if (friendIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select friend_member_id, status from referral_award where circuit_id = :c "
                        + "and friend_member_id in (:ids)")
                .param("c", circuitId).param("ids", friendIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), AwardStatus.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
