package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.programs.Sponsors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-level marketing in coalition circuits (seed 002 "MLM"): each upline level of a member who earns points on a
 * purchase gets the level's % of them ({@link MultiLevelPolicy}), within the upline member's monthly cap. Like the
 * purchase's own points, each level's commission is kept in step with the purchase: its row (per purchase and level,
 * with the upline member, the % and who pays, fixed at the first credit) is locked, the target computed from the
 * points the purchase has now given, and only the difference posted under a numbered business key, so a replayed
 * settlement posts nothing and a refund takes back its share.
 */
@Component
@Order(20)
class MultiLevelCommissions implements PurchaseListener {

    private final JdbcClient jdbc;
    private final ReferralProgram program;
    private final ObjectProvider<Sponsors> sponsors;
    private final ReferralFunding funding;
    private final Activity activity;

    MultiLevelCommissions(JdbcClient jdbc, ReferralProgram program, ObjectProvider<Sponsors> sponsors,
                          ReferralFunding funding, Activity activity) {
        this.jdbc = jdbc;
        this.program = program;
        this.sponsors = sponsors;
        this.funding = funding;
        this.activity = activity;
    }

    private record Commission(int level, long uplineId, BigDecimal percent, Long payer, LocalDate month, long credited,
                              int steps, Long lotEntryId) {
    }

    @Override
    public void settled(PurchaseFacts f) {
        ReferralSettings s = program.settings(f.circuitId());
        if (!s.enabled() && s.depth() == 0) {
            return; // no multi-level in this circuit: no query on the hot path
        }
        List<Commission> commissions = lock(f.purchaseId());
        if (commissions.isEmpty() && (!s.enabled() || s.depth() == 0)) {
            return; // nothing given on this purchase, nothing to give
        }
        long earned = jdbc.sql("select available from purchase_award where purchase_id = :p")
                .param("p", f.purchaseId()).query(Long.class).optional().orElse(0L);
        if (commissions.isEmpty()) {
            commissions = open(f, s, earned);
        }
        for (Commission c : commissions) {
            settle(f, s, c, MultiLevelPolicy.commission(earned, c.percent()));
        }
    }

    /** The purchase's first commissions: one per upline level the settings share the points with. */
    private List<Commission> open(PurchaseFacts f, ReferralSettings s, long earned) {
        Sponsors sponsors = this.sponsors.getIfAvailable();
        if (!s.enabled() || s.depth() == 0 || earned <= 0 || sponsors == null) {
            return List.of();
        }
        List<Long> upline = sponsors.upline(f.circuitId(), f.memberId(), s.depth());
        Long payer = funding.payer(s, f);
        LocalDate month = activity.thisMonth();
        List<Commission> opened = new ArrayList<>();
        for (int i = 0; i < upline.size(); i++) {
            Commission c = new Commission(i + 1, upline.get(i), s.levelPercents().get(i), payer, month, 0, 0, null);
            int written = jdbc.sql("""
                            insert into multi_level_award (purchase_id, level, circuit_id, upline_member_id, percent,
                                source_company_id, month) values (:p, :level, :c, :upline, :pct, :payer, :month)
                            on conflict do nothing""")
                    .param("p", f.purchaseId()).param("level", c.level()).param("c", f.circuitId())
                    .param("upline", c.uplineId()).param("pct", c.percent()).param("payer", payer)
                    .param("month", Date.valueOf(month)).update();
            if (written == 0) {
                return lock(f.purchaseId()); // a concurrent settlement opened them first
            }
            opened.add(c);
        }
        return opened;
    }

    private void settle(PurchaseFacts f, ReferralSettings s, Commission c, long target) {
        jdbc.sql("insert into multi_level_month (member_id, month, circuit_id) values (:m, :month, :c) "
                        + "on conflict do nothing")
                .param("m", c.uplineId()).param("month", Date.valueOf(c.month())).param("c", f.circuitId()).update();
        long thisMonth = jdbc.sql("select credited from multi_level_month where member_id = :m and month = :month "
                        + "for update")
                .param("m", c.uplineId()).param("month", Date.valueOf(c.month())).query(Long.class).single();
        long change = MultiLevelPolicy.change(target, c.credited(), thisMonth, s.monthlyCap());
        if (change == 0) {
            return;
        }
        String key = "multilevel:" + f.purchaseId() + ":" + c.level() + ":" + (c.steps() + 1);
        if (change > 0) {
            funding.funded(c.payer(), () -> {
                long entry = funding.credit(f, c.payer(), c.uplineId(), change, key, "MULTI_LEVEL",
                        "Multi-level: level " + c.level() + ", " + c.percent().stripTrailingZeros().toPlainString()
                                + "% of the points a member of your network earned").id();
                record(f, c, change, entry);
            }, "multi-level commission of member " + c.uplineId() + " on purchase " + f.purchaseId());
        } else if (c.lotEntryId() != null) {
            long taken = funding.takeBack(f, c.payer(), c.uplineId(), -change, c.lotEntryId(), key,
                    "MULTI_LEVEL_REVERSAL", "Multi-level: the purchase was refunded or cancelled", false);
            record(f, c, -taken, c.lotEntryId());
        }
    }

    private void record(PurchaseFacts f, Commission c, long change, long lotEntryId) {
        jdbc.sql("update multi_level_award set credited = credited + :d, steps = steps + 1, lot_entry_id = :lot "
                        + "where purchase_id = :p and level = :level")
                .param("d", change).param("lot", lotEntryId).param("p", f.purchaseId()).param("level", c.level())
                .update();
        jdbc.sql("update multi_level_month set credited = credited + :d where member_id = :m and month = :month")
                .param("d", change).param("m", c.uplineId()).param("month", Date.valueOf(c.month())).update();
    }

    private List<Commission> lock(long purchaseId) {
        return jdbc.sql("select * from multi_level_award where purchase_id = :p order by level for update")
                .param("p", purchaseId)
                .query((rs, n) -> new Commission(rs.getInt("level"), rs.getLong("upline_member_id"),
                        rs.getBigDecimal("percent"), (Long) rs.getObject("source_company_id"),
                        rs.getObject("month", LocalDate.class), rs.getLong("credited"), rs.getInt("steps"),
                        (Long) rs.getObject("lot_entry_id")))
                .list();
    }
}
