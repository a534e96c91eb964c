package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MemberDiscount;
import org.loyaltyhub.programs.MemberDiscounts;
import org.loyaltyhub.programs.MemberStatus;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a membership in force gives, as the engine applies it: its plan in the member's status, the plan's earning
 * multiplier on new purchases ("Premium ×2"), and its fixed discount at the counter.
 */
@Component
class MembershipBenefits implements EarningBoost, StatusPart, MemberDiscounts {

    private final MembershipService memberships;

    private final CircuitFeatures features;

    MembershipBenefits(MembershipService memberships, CircuitFeatures features) {
        this.features = features;
        this.memberships = memberships;
    }

    @Override
    public Optional<Multiplier> earning(long circuitId, long memberId) {
        if (!features.of(circuitId).plans()) {
            return Optional.empty();
        }
        return memberships.current(circuitId, memberId).map(MembershipService.Current::plan)
                .filter(MembershipPlan::boostsEarning)
                .map(p -> new Multiplier(p.multiplier(), p.boostLabel()));
    }

    @Override
    public MemberStatus contribute(long circuitId, long memberId, MemberStatus soFar) {
        if (!features.of(circuitId).plans()) {
            return soFar;
        }
        return memberships.current(circuitId, memberId)
                .map(c -> soFar.withPlan(new MemberStatus.Ref(c.plan().id(), c.plan().names(),
                        c.membership().endsAt())))
                .orElse(soFar);
    }

    @Override
    public Optional<MemberDiscount> atCounter(long circuitId, long memberId) {
        if (!features.of(circuitId).plans()) {
            return Optional.empty();
        }
        return memberships.current(circuitId, memberId).map(MembershipService.Current::plan)
                .filter(p -> p.counterDiscount().signum() > 0)
                .map(p -> new MemberDiscount(p.counterDiscount(), p.names()));
    }
}
