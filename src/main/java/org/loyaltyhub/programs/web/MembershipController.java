package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.programs.internal.Membership;
import org.loyaltyhub.programs.internal.MembershipPlan;
import org.loyaltyhub.programs.internal.MembershipPlans;
import org.loyaltyhub.programs.internal.MembershipSale;
import org.loyaltyhub.programs.internal.MembershipService;
import org.loyaltyhub.programs.internal.MembershipSource;
import org.loyaltyhub.programs.internal.PaymentMethod;
import org.loyaltyhub.programs.internal.PlanInput;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Exclusive paid membership: the circuit's plans (its administrator writes them), members' memberships (a till or
 * back office records a paid one; administrators cancel one with a reason), and the sales for the reports.
 */
@RestController
class MembershipController {

    private final MembershipPlans plans;
    private final MembershipService memberships;

    MembershipController(MembershipPlans plans, MembershipService memberships) {
        this.plans = plans;
        this.memberships = memberships;
    }

    /** A paid membership sold by a till or back office; the receipt number at the store makes a retry harmless. */
    /** A sale at a till; {@code taxCode}: the buyer's codice fiscale for the invoice, optional. */
    record Grant(@NotNull Long planId, @NotNull PaymentMethod paymentMethod,
                 @NotBlank @Size(max = 100) String receiptNumber, Long storeId,
                 @Size(max = 200) String orderReference, @Size(max = 20) String taxCode) {
    }

    record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    /** A grant's answer: the membership, the sale recorded, and whether a retry found them already there. */
    record GrantAnswer(Membership membership, MembershipSale sale, boolean alreadyGranted) {
    }

    @GetMapping("/api/v1/membership-plans")
    List<MembershipPlan> plans(Caller caller, @RequestParam(required = false) Boolean archived) {
        return plans.list(caller, Boolean.TRUE.equals(archived));
    }

    @PostMapping("/api/v1/membership-plans")
    @ResponseStatus(HttpStatus.CREATED)
    MembershipPlan create(Caller caller, @Valid @RequestBody PlanInput plan) {
        return plans.create(caller, plan);
    }

    @GetMapping("/api/v1/membership-plans/{id}")
    MembershipPlan plan(Caller caller, @PathVariable long id) {
        return plans.get(caller, id);
    }

    @PutMapping("/api/v1/membership-plans/{id}")
    MembershipPlan change(Caller caller, @PathVariable long id, @Valid @RequestBody PlanInput plan) {
        return plans.change(caller, id, plan);
    }

    /** Archives the plan: sold no more; its members keep it until it ends. */
    @DeleteMapping("/api/v1/membership-plans/{id}")
    MembershipPlan archive(Caller caller, @PathVariable long id) {
        return plans.archive(caller, id);
    }

    @GetMapping("/api/v1/members/{id}/memberships")
    List<Membership> ofMember(Caller caller, @PathVariable long id) {
        return memberships.ofMember(caller, id);
    }

    /** 201 with the new or renewed membership; 200 with the first answer when the receipt was recorded before. */
    @PostMapping("/api/v1/members/{id}/memberships")
    ResponseEntity<GrantAnswer> grant(Caller caller, @PathVariable long id, @Valid @RequestBody Grant g) {
        MembershipService.Granted granted = memberships.sell(caller, id, new MembershipService.Sold(g.planId(),
                g.paymentMethod(), g.receiptNumber(), g.storeId(), g.orderReference(), g.taxCode()), MembershipSource.API);
        return ResponseEntity.status(granted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new GrantAnswer(granted.membership(), granted.sale(), granted.replayed()));
    }

    @PostMapping("/api/v1/memberships/{id}/cancellation")
    Membership cancel(Caller caller, @PathVariable long id, @Valid @RequestBody Cancellation c) {
        return memberships.cancel(caller, id, c.reason());
    }

    @GetMapping("/api/v1/membership-sales")
    Page<MembershipSale> sales(Caller caller, @RequestParam(required = false) Long companyId,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return memberships.sales(caller, companyId, PageQuery.of(page, size));
    }
}
