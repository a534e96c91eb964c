package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import org.loyaltyhub.programs.internal.Tier;
import org.loyaltyhub.programs.internal.TierAdmin;
import org.loyaltyhub.programs.internal.TierPolicy;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
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
 * The circuit's tiers and how members qualify for them (circuit administrators change them, every operator reads
 * them), the what-if count of a change before it is saved, and a member's tier with its manual override.
 */
@RestController
class TierController {

    private final TierAdmin tiers;

    TierController(TierAdmin tiers) {
        this.tiers = tiers;
    }

    @GetMapping("/api/v1/tiers")
    List<Tier> list(Caller caller) {
        return tiers.program(caller).tiers();
    }

    @PostMapping("/api/v1/tiers")
    @ResponseStatus(HttpStatus.CREATED)
    Tier create(Caller caller, @Valid @RequestBody Tier tier) {
        return tiers.create(caller, tier);
    }

    @GetMapping("/api/v1/tiers/{id}")
    Tier read(Caller caller, @PathVariable long id) {
        return tiers.tier(caller, id);
    }

    @PutMapping("/api/v1/tiers/{id}")
    Tier update(Caller caller, @PathVariable long id, @Valid @RequestBody Tier tier) {
        return tiers.update(caller, id, tier);
    }

    @DeleteMapping("/api/v1/tiers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable long id) {
        tiers.delete(caller, id);
    }

    @GetMapping("/api/v1/tiers/policy")
    TierPolicy policy(Caller caller) {
        return tiers.program(caller).policy();
    }

    @PutMapping("/api/v1/tiers/policy")
    TierPolicy savePolicy(Caller caller, @Valid @RequestBody TierPolicy policy) {
        return tiers.savePolicy(caller, policy);
    }

    /** How many members the proposed tiers and policy would move up or down today; nothing is saved. */
    @PostMapping("/api/v1/tiers/what-if")
    TierAdmin.WhatIf whatIf(Caller caller, @Valid @RequestBody TierAdmin.Proposal proposal) {
        return tiers.whatIf(caller, proposal);
    }

    @GetMapping("/api/v1/members/{id}/tier")
    TierAdmin.MemberTierView member(Caller caller, @PathVariable long id) {
        return tiers.member(caller, id);
    }

    @PutMapping("/api/v1/members/{id}/tier/manual")
    TierAdmin.MemberTierView setManual(Caller caller, @PathVariable long id,
                                       @Valid @RequestBody TierAdmin.ManualTier manual) {
        return tiers.setManual(caller, id, manual);
    }

    @DeleteMapping("/api/v1/members/{id}/tier/manual")
    TierAdmin.MemberTierView clearManual(Caller caller, @PathVariable long id,
                                         @RequestParam(required = false) String reason) {
        return tiers.clearManual(caller, id, reason);
    }
}
