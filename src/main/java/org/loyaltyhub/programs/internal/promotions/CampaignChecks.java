package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.CampaignVouchers;
import org.loyaltyhub.programs.FunnelMessages;
import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.shared.InvalidInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * What a promotion or a funnel names must be the circuit's: the event type (and the attributes its conditions
 * name), the reward a voucher effect issues, the segment, tier and badge filters select, the company or store a
 * purchase trigger names. Refused by field otherwise.
 */
@Component
class CampaignChecks {

    private final EventTypes types;
    private final PromotionStore promotions;
    private final ObjectProvider<CampaignVouchers> vouchers;
    private final ObjectProvider<SegmentMembers> segments;
    private final ObjectProvider<FunnelMessages> messages;
    private final JdbcClient jdbc;

    CampaignChecks(EventTypes types, PromotionStore promotions, ObjectProvider<CampaignVouchers> vouchers,
                   ObjectProvider<SegmentMembers> segments, ObjectProvider<FunnelMessages> messages, JdbcClient jdbc) {
        this.messages = messages;
        this.types = types;
        this.promotions = promotions;
        this.vouchers = vouchers;
        this.segments = segments;
        this.jdbc = jdbc;
    }

    void event(long circuitId, PromotionTrigger.OnEvent on) {
        AttributeSchema schema = types.known(circuitId, "trigger.eventType", on.eventType()).attributes();
        for (int i = 0; i < on.conditions().size(); i++) {
            try {
                on.conditions().get(i).checkAgainst(schema, on.eventType());
            } catch (InvalidInput e) {
                throw numbered(e, i);
            }
        }
    }

    /** The refusal under the condition's own path ("trigger.attributeConditions[1].attribute"), so a form marks its row. */
    private static InvalidInput numbered(InvalidInput e, int i) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        e.fieldErrors().forEach((path, message) -> errors.put(
                "trigger.attributeConditions[" + i + "]" + path.substring(path.lastIndexOf('.')), message));
        return new InvalidInput(errors);
    }

    void effect(long circuitId, PromotionEffect e, String field) {
        if (e instanceof PromotionEffect.SendMessage m) {
            FunnelMessages sender = messages.getIfAvailable();
            if (sender == null) {
                throw new InvalidInput(field + ".type", "messages are not available in this installation");
            }
            sender.check(m.texts(), field + ".message");
        }
        if (e instanceof PromotionEffect.IssueVoucher v) {
            CampaignVouchers issuer = vouchers.getIfAvailable();
            if (issuer == null || !issuer.rewardExists(circuitId, v.rewardId())) {
                throw new InvalidInput(field + ".rewardId", "reward " + v.rewardId() + " is not in this circuit");
            }
        }
    }

    void segment(long circuitId, Long segmentId, String field) {
        if (segmentId == null) {
            return;
        }
        SegmentMembers sm = segments.getIfAvailable();
        if (sm == null || !sm.exists(circuitId, segmentId)) {
            throw new InvalidInput(field, "segment " + segmentId + " is not in this circuit");
        }
    }

    void filters(long circuitId, FunnelFilters f) {
        segment(circuitId, f.segmentId(), "filters.segmentId");
        if (f.tierId() != null && !promotions.unknownTiers(circuitId, Set.of(f.tierId())).isEmpty()) {
            throw new InvalidInput("filters.tierId", "tier " + f.tierId() + " is not in this circuit");
        }
        if (f.badgeId() != null) {
            List<Long> found = jdbc.sql("select id from badge where circuit_id = :c and id = :id").param("c", circuitId)
                    .param("id", f.badgeId()).query(Long.class).list();
            if (found.isEmpty()) {
                throw new InvalidInput("filters.badgeId", "badge " + f.badgeId() + " is not in this circuit");
            }
        }
    }

    /** A purchase trigger's company or store must be the circuit's. */
    void purchase(long circuitId, Funnel.OnPurchase p) {
        mine(circuitId, "company", p.companyId(), "trigger.companyId");
        mine(circuitId, "store", p.storeId(), "trigger.storeId");
    }

    private void mine(long circuitId, String table, Long id, String field) {
        if (id != null && jdbc.sql("select count(*) from " + table + " where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).query(Long.class).single() == 0) {
            throw new InvalidInput(field, table + " " + id + " is not in this circuit");
        }
    }
}
