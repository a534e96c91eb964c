package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.internal.TierAdmin.Proposal;
import org.loyaltyhub.programs.internal.TierAdmin.WhatIf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;

/**
 * The what-if count of proposed tiers and policy, over the real data in one statement: each member with activity or
 * a tier is placed on the proposed tiers by what the proposed window counts, and compared with the tier they hold
 * (at its proposed threshold when the proposal keeps it, else at its present one).
 */
@Component
class TierWhatIf {

    private final JdbcClient jdbc;

    TierWhatIf(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WhatIf count(long circuitId, Proposal proposal, LocalDate today) {
        LocalDate from = TierRules.windowStart(proposal.policy(), today);
        String measure = TierStore.column(proposal.policy().basis());
        return jdbc.sql("""
                        with proposed (id, threshold) as (
                            select * from unnest(cast(:ids as bigint[]), cast(:thresholds as numeric[]))),
                        counted as (
                            select member_id, sum(%s) as counted from member_activity
                             where circuit_id = :c and (cast(:from as date) is null or month >= :from)
                             group by member_id),
                        everyone as (
                            select coalesce(mt.member_id, k.member_id) as member_id, mt.tier_id,
                                   mt.manual_tier_id is not null and (mt.manual_until is null or mt.manual_until >= :today)
                                       as manual,
                                   coalesce(k.counted, 0) as counted
                              from (select * from member_tier where circuit_id = :c) mt
                              full join counted k on k.member_id = mt.member_id),
                        levels as (
                            select e.manual,
                                   coalesce((select max(p.threshold) from proposed p where p.threshold <= e.counted), -1)
                                       as new_level,
                                   coalesce((select p.threshold from proposed p where p.id = e.tier_id),
                                            (select t.threshold from tier t where t.id = e.tier_id), -1) as current_level
                              from everyone e)
                        select count(*) as members,
                               count(*) filter (where not manual and new_level > current_level) as up,
                               count(*) filter (where not manual and new_level < current_level) as down,
                               count(*) filter (where not manual and new_level = current_level) as unchanged,
                               count(*) filter (where manual) as manual
                          from levels
                        """.formatted(measure))
                .param("c", circuitId).param("today", Date.valueOf(today))
                .param("from", from == null ? null : Date.valueOf(from))
                .param("ids", proposal.tiers().stream().map(Tier::id).toArray(Long[]::new))
                .param("thresholds", proposal.tiers().stream().map(Tier::threshold).toArray(BigDecimal[]::new))
                .query((rs, n) -> new WhatIf(rs.getLong("members"), rs.getLong("up"), rs.getLong("down"),
                        rs.getLong("unchanged"), rs.getLong("manual")))
                .single();
    }
}
