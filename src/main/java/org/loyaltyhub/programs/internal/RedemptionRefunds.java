package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Gives back redeemed points when the order that used them is refunded in part ({@link RefundSharePolicy}), and the
 * rest when it is then cancelled or refunded in full. The redemption row is locked while deciding, and each posting
 * has its own key, so retries and concurrent deliveries give back nothing twice.
 */
@Component
class RedemptionRefunds {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    RedemptionRefunds(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    private record Row(long id, long memberId, long companyId, Long storeId, long holdId, long points, RedemptionStatus status,
                       long pointsBack) {
    }

    /** The order's refunds now add up to {@code refunded} of {@code total}: gives back the share not given yet. */
    void giveBackShare(long circuitId, long redemptionId, BigDecimal total, BigDecimal refunded, String actor) {
        Row r = lock(circuitId, redemptionId).filter(x -> x.status() == RedemptionStatus.CAPTURED).orElse(null);
        if (r == null) {
            return;
        }
        long give = RefundSharePolicy.toGiveNow(r.points(), total, refunded, r.pointsBack());
        if (give > 0) {
            long back = r.pointsBack() + give;
            post(circuitId, r, give, "hold:" + r.holdId() + ":refund-share:" + back,
                    "Order partly refunded: share of the redeemed points given back", actor);
            jdbc.sql("update redemption set points_back = :back, updated_at = now() where id = :id")
                    .param("back", back).param("id", r.id()).update();
        }
    }

    /**
     * The order is cancelled or refunded in full after partial refunds gave back part of the points: gives back the
     * rest and marks the redemption refunded. False when no share was given back (the whole hold is given back as
     * usual).
     */
    boolean giveBackRest(long circuitId, long redemptionId, String actor) {
        Row r = lock(circuitId, redemptionId).orElse(null);
        if (r == null || r.pointsBack() == 0) {
            return false;
        }
        if (r.status() == RedemptionStatus.CAPTURED) {
            long rest = r.points() - r.pointsBack();
            if (rest > 0) {
                post(circuitId, r, rest, "hold:" + r.holdId() + ":refund-rest",
                        "Order cancelled: the rest of the redeemed points given back", actor);
            }
            jdbc.sql("update redemption set points_back = points, status = 'REFUNDED', updated_at = now() where id = :id")
                    .param("id", r.id()).update();
        }
        return true;
    }

    private void post(long circuitId, Row r, long points, String key, String reason, String actor) {
        long holdEntry = ledger.findHold(circuitId, r.holdId()).orElseThrow().entryId();
        ledger.post(EntryDraft.transfer(circuitId, key, "REDEMPTION_REFUND", reason)
                .move(AccountRef.circuit(AccountKind.REDEEMED), AccountRef.available(r.memberId()), points, null,
                        new LotRule.Restore(holdEntry))
                .member(r.memberId()).company(r.companyId()).store(r.storeId()).actor(actor).build());
    }

    private Optional<Row> lock(long circuitId, long redemptionId) {
        return jdbc.sql("select * from redemption where circuit_id = :c and id = :id for update")
                .param("c", circuitId).param("id", redemptionId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("company_id"),
                        (Long) rs.getObject("store_id"), rs.getLong("hold_id"), rs.getLong("points"),
                        RedemptionStatus.valueOf(rs.getString("status")), rs.getLong("points_back"))).optional();
    }
}
