package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.MemberStatuses;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Gathers what the engine needs to know of a purchase: only what the promotions at hand ask for (the member's tier
 * when one targets tiers, segments when one targets a segment, the visit number when one counts visits).
 */
@Component
class PromotionCases {

    private final MemberStatuses statuses;
    private final ObjectProvider<SegmentMembers> segments;
    private final Tenancy tenancy;
    private final Ledger ledger;

    PromotionCases(MemberStatuses statuses, ObjectProvider<SegmentMembers> segments, Tenancy tenancy, Ledger ledger) {
        this.statuses = statuses;
        this.segments = segments;
        this.tenancy = tenancy;
        this.ledger = ledger;
    }

    PromotionEngine.PurchaseCase of(PurchaseFacts f, Instant at, ZoneId zone, ProgramSettings s, long basePoints,
                                    LongSupplier visit, List<Promotion> promotions) {
        Long tierId = tier(f.circuitId(), f.memberId(), promotions);
        Set<Long> in = segments(f.circuitId(), f.memberId(), promotions);
        boolean visits = promotions.stream().anyMatch(p -> p.trigger() instanceof PromotionTrigger.OnPurchase on
                && on.countsVisits());
        Long companyBudget = tenancy.circuit(f.circuitId()).budgetsEnforced()
                ? ledger.balance(f.circuitId(), AccountRef.budget(f.companyId())) : null;
        return new PromotionEngine.PurchaseCase(f.memberId(), f.companyId(), f.storeId(), f.channel(), at, zone,
                f.total().amount(), lines(f.lines()), basePoints, visits ? visit.getAsLong() : 0, tierId, in,
                pointsPerUnit(s), companyBudget);
    }

    /** The member's tier when one of the promotions targets tiers (null otherwise, or without a tier). */
    Long tier(long circuitId, long memberId, List<Promotion> promotions) {
        if (promotions.stream().allMatch(p -> p.target().tierIds().isEmpty())) {
            return null;
        }
        MemberStatus.Ref tier = statuses.of(circuitId, memberId).tier();
        return tier == null ? null : tier.id();
    }

    /** The segments, of those the promotions target, that the member is in now. */
    Set<Long> segments(long circuitId, long memberId, List<Promotion> promotions) {
        Set<Long> in = new HashSet<>();
        SegmentMembers members = segments.getIfAvailable();
        for (Promotion p : promotions) {
            Long segment = p.target().segmentId();
            if (segment != null && members != null && !in.contains(segment)
                    && members.contains(circuitId, segment, memberId)) {
                in.add(segment);
            }
        }
        return in;
    }

    static List<PromotionEngine.PurchaseCase.Line> lines(List<PurchaseFacts.Line> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(l -> new PromotionEngine.PurchaseCase.Line(l.productId(), l.sku(), l.category())).toList();
    }

    /** Points per unit of currency at the program's redemption value (100 points per 1 € → 100). */
    static BigDecimal pointsPerUnit(ProgramSettings s) {
        return BigDecimal.valueOf(s.redeemPoints()).divide(s.redeemValue(), 8, RoundingMode.FLOOR);
    }
}
