package org.loyaltyhub.programs.web;

import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.internal.MembershipPlans;
import org.loyaltyhub.programs.internal.MembershipService;
import org.loyaltyhub.programs.internal.MembershipSource;
import org.loyaltyhub.programs.internal.PaymentMethod;
import org.loyaltyhub.programs.internal.ReceiptAlreadyRecorded;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * Memberships on the operators' pages: at the counter, the operator records a paid membership (plan, how it was paid,
 * the receipt number: a second press records nothing more); on the member's page, an administrator cancels one with a
 * reason. A mistake is shown next to its field; nothing is saved.
 */
@Page
class MembershipCounterPage {

    /** The receipt field's error when the receipt already sold a membership to another member. */
    static final String RECEIPT_USED = "used";

    private final MembershipService memberships;
    private final MembershipPlans plans;
    private final Members members;

    MembershipCounterPage(MembershipService memberships, MembershipPlans plans, Members members) {
        this.memberships = memberships;
        this.plans = plans;
        this.members = members;
    }

    @PostMapping("/counter/membership")
    String join(Caller caller, @RequestParam long member, @RequestParam Map<String, String> form, Model model) {
        FormValues f = new FormValues(form);
        model.addAttribute("member", members.visible(caller, member)).addAttribute("joinForm", form);
        PaymentMethod payment = f.text("paymentMethod") == null ? null
                : java.util.Arrays.stream(PaymentMethod.values()).filter(p -> p.name().equals(f.text("paymentMethod")))
                .findFirst().orElse(null);
        try {
            MembershipService.Granted granted = memberships.sell(caller, member, new MembershipService.Sold(
                    f.number("planId"), payment, f.text("receiptNumber"), null, null, f.text("taxCode")),
                    MembershipSource.COUNTER);
            model.addAttribute("joined", granted).addAttribute("joinedPlan",
                    plans.find(caller.circuit(), granted.membership().planId()).orElseThrow());
            model.addAttribute("joinForm", Map.of());
        } catch (InvalidInput e) {
            model.addAttribute("joinErrors", e.fieldErrors());
        } catch (ReceiptAlreadyRecorded e) {
            model.addAttribute("joinErrors", Map.of("receiptNumber", RECEIPT_USED));
        } catch (LoyaltyException e) {
            model.addAttribute("joinErrors", Map.of("planId", e.getMessage()));
        }
        return "status/membership :: counter-box";
    }

    @PostMapping("/members/{id}/membership/cancel")
    String cancel(Caller caller, @PathVariable long id, @RequestParam long membership,
                  @RequestParam(required = false) String reason) {
        members.visible(caller, id);
        if (memberships.ofMember(caller, id).stream().noneMatch(m -> m.id() == membership)) {
            throw new org.loyaltyhub.shared.NotFound("Membership", membership);
        }
        try {
            memberships.cancel(caller, membership, reason);
        } catch (InvalidInput e) {
            return "redirect:/members/" + id + "?membershipReason#membership";
        }
        return "redirect:/members/" + id + "?membershipCancelled#membership";
    }
}
