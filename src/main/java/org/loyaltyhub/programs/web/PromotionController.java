package org.loyaltyhub.programs.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.loyaltyhub.programs.internal.promotions.PromotionAdmin;
import org.loyaltyhub.programs.internal.promotions.PromotionBacktest;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Promotions (issue 12): rules that award points on purchases, managed by circuit administrators; the dry run before
 * one goes live, the simulation of a purchase, and the promotions a purchase was considered for. (Coupon campaigns
 * are the rewards module's, under /api/v1/campaigns; only the simulation shares that path, as the issue names it.)
 */
@RestController
class PromotionController {

    private final PromotionAdmin promotions;

    PromotionController(PromotionAdmin promotions) {
        this.promotions = promotions;
    }

    @GetMapping("/api/v1/promotions")
    @Operation(summary = "The circuit's promotions, in the order they are considered (priority, then id)")
    List<PromotionAdmin.View> list(Caller caller) {
        return promotions.list(caller);
    }

    @PostMapping("/api/v1/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a promotion as a draft (circuit administrator): an end before the start, a condition on "
            + "an unknown field or a target outside the circuit is refused and nothing is saved")
    PromotionAdmin.View create(Caller caller, @Valid @RequestBody PromotionInput input) {
        return promotions.create(caller, input);
    }

    @GetMapping("/api/v1/promotions/{id}")
    @Operation(summary = "One promotion, with its rule in words and what it has given (grants, members, points)")
    PromotionAdmin.View read(Caller caller, @PathVariable long id) {
        return promotions.get(caller, id);
    }

    @PutMapping("/api/v1/promotions/{id}")
    @Operation(summary = "Change a promotion (circuit administrator); it keeps its status and what it has given")
    PromotionAdmin.View update(Caller caller, @PathVariable long id, @Valid @RequestBody PromotionInput input) {
        return promotions.update(caller, id, input);
    }

    @PostMapping("/api/v1/promotions/{id}/activate")
    @Operation(summary = "Activate a promotion: purchases reaching their award moment from now on are considered")
    PromotionAdmin.View activate(Caller caller, @PathVariable long id) {
        return promotions.activate(caller, id);
    }

    @PostMapping("/api/v1/promotions/{id}/pause")
    @Operation(summary = "Pause a promotion: it gives nothing more; what it gave stays (refunds still take back)")
    PromotionAdmin.View pause(Caller caller, @PathVariable long id) {
        return promotions.pause(caller, id);
    }

    @PostMapping("/api/v1/promotions/dry-run")
    @Operation(summary = "Replay a promotion (as entered, saved or not) over the last N days of real purchases: members "
            + "reached, points cost, budget burn per day. Read-only")
    PromotionBacktest.DryRun dryRun(Caller caller, @Valid @RequestBody PromotionAdmin.DryRunRequest request) {
        return promotions.dryRun(caller, request);
    }

    @PostMapping("/api/v1/campaigns/simulate")
    @Operation(summary = "Simulate a purchase: the points it would earn, what each promotion would add and why. "
            + "Writes nothing")
    PromotionAdmin.Simulation simulate(Caller caller, @Valid @RequestBody PromotionAdmin.Simulate purchase) {
        return promotions.simulate(caller, purchase);
    }

    @GetMapping("/api/v1/purchases/{id}/promotions")
    @Operation(summary = "The promotions a purchase was considered for when its points were decided, and why each "
            + "did or did not apply")
    PromotionAdmin.PurchasePromotions ofPurchase(Caller caller, @PathVariable long id) {
        return promotions.ofPurchase(caller, id);
    }
}
