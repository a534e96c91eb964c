package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.Membership;
import org.loyaltyhub.programs.internal.MembershipPlan;
import org.loyaltyhub.programs.internal.MembershipService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the membership fragments of the member page, the counter and the customer area show (templates call it in
 * {@code th:with}; the page around them has already checked that the caller may see the member).
 */
@Component("membershipViews")
public class MembershipViews {

    private final MembershipService memberships;

    MembershipViews(MembershipService memberships) {
        this.memberships = memberships;
    }

    /** The membership in force (null: none), the member's memberships with their plans, and the plans on sale. */
    public record View(MembershipService.Current current, List<Row> history, List<MembershipPlan> onSale) {
    }

    public record Row(Membership membership, MembershipPlan plan) {
    }

    public View of(long circuitId, long memberId) {
        List<MembershipPlan> plans = memberships.plansOf(circuitId);
        Map<Long, MembershipPlan> byId = plans.stream().collect(Collectors.toMap(MembershipPlan::id, Function.identity()));
        List<Row> history = memberships.history(circuitId, memberId).stream()
                .map(m -> new Row(m, byId.get(m.planId()))).toList();
        return new View(memberships.current(circuitId, memberId).orElse(null), history,
                plans.stream().filter(p -> !p.archived()).toList());
    }
}
