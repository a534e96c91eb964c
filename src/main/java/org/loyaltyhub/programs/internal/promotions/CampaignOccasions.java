package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Promotions outside purchases: an event, a date or a schedule reaches a member; the engine decides with the same
 * order, limits, budget and stacking as for purchases (promotions with limits locked while deciding), and each applied
 * promotion acts once per member and occurrence (the business key {@code promotion_occurrence} holds). An event that
 * happened at a company of a coalition enforcing budgets is paid from that company's budget, as a purchase is, and
 * stops at what is left; dates and schedules happen at no company and are paid from the circuit's issuance.
 */
@Component
class CampaignOccasions {

    private final PromotionStore store;
    private final OccasionStore occasions;
    private final OccasionEffects effects;
    private final PromotionCases cases;
    private final Tenancy tenancy;
    private final Ledger ledger;

    CampaignOccasions(PromotionStore store, OccasionStore occasions, OccasionEffects effects, PromotionCases cases,
                      Tenancy tenancy, Ledger ledger) {
        this.tenancy = tenancy;
        this.ledger = ledger;
        this.store = store;
        this.occasions = occasions;
        this.effects = effects;
        this.cases = cases;
    }

    /** What the promotions did for an occasion: each one in words, and how many acted. */
    record Result(List<String> outcomes, int acted) {
    }

    /** Applies the promotions to the member for an event that happened at {@code companyId} (null: at none). */
    Result onEvent(long circuitId, long memberId, PromotionEngine.Occasion.Event event, String occurrence, Instant at,
                   List<Promotion> promotions, Long companyId, String actor) {
        OccasionEffects.Payer payer = companyId == null ? OccasionEffects.Payer.CIRCUIT
                : new OccasionEffects.Payer(companyId, tenancy.circuit(circuitId).budgetsEnforced());
        return apply(circuitId, memberId, event, occurrence, at, promotions, null, payer, actor);
    }

    /**
     * Applies the promotions of a date or a schedule to the member, with the segments (of those the promotions target)
     * the member is known to be in, when the caller evaluated them once for many members; null to ask for this member.
     */
    Result apply(long circuitId, long memberId, PromotionEngine.Occasion occasion, String occurrence, Instant at,
                 List<Promotion> promotions, Set<Long> segmentsIn, String actor) {
        return apply(circuitId, memberId, occasion, occurrence, at, promotions, segmentsIn,
                OccasionEffects.Payer.CIRCUIT, actor);
    }

    private Result apply(long circuitId, long memberId, PromotionEngine.Occasion occasion, String occurrence,
                         Instant at, List<Promotion> promotions, Set<Long> segmentsIn, OccasionEffects.Payer payer,
                         String actor) {
        if (promotions.isEmpty()) {
            return new Result(List.of(), 0);
        }
        ZoneId zone = store.zone(circuitId);
        PromotionEngine.MemberCase c = new PromotionEngine.MemberCase(memberId, occasion, at, zone,
                cases.tier(circuitId, memberId, promotions), segmentsIn != null ? segmentsIn
                        : cases.segments(circuitId, memberId, promotions),
                effects.balance(circuitId, memberId),
                payer.fromBudget() ? ledger.balance(circuitId, payer.source()) : null);
        Map<Long, PromotionEngine.Counters> counters = store.counters(promotions, memberId, at, zone, true);
        PromotionEngine.Evaluation evaluation = PromotionEngine.evaluate(c, promotions, counters);
        List<String> out = new ArrayList<>();
        int acted = 0;
        for (PromotionEngine.Considered considered : evaluation.considered()) {
            String name = "Promotion #" + considered.promotionId() + " \"" + considered.name() + "\"";
            if (!considered.applied()) {
                out.add(name + ": " + considered.outcome() + " (" + considered.why() + ")");
                continue;
            }
            Promotion p = promotions.stream().filter(x -> x.id() == considered.promotionId()).findFirst().orElseThrow();
            if (!occasions.claim(circuitId, p.id(), memberId, occurrence, at)) {
                out.add(name + ": already given for " + occurrence);
                continue;
            }
            OccasionEffects.Done done = effects.apply(circuitId, memberId, p.effect(), considered.points(), payer,
                    "promotion:" + p.id() + ":member:" + memberId + ":" + occurrence,
                    name + " (" + considered.rule() + ")", actor);
            if (done.points() > 0) {
                store.spent(p.id(), done.points());
            }
            occasions.done(p.id(), memberId, occurrence, done.points(), done.entryId(), done.detail());
            out.add(name + ": " + done.detail());
            acted++;
        }
        return new Result(out, acted);
    }
}
