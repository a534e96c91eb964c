package org.loyaltyhub.programs.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.StatusEventKind;
import org.loyaltyhub.programs.StatusHistory;
import org.loyaltyhub.programs.TierStanding;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The circuit's tiers and tier policy (circuit administrators change them; every operator reads them), the what-if
 * count of a proposed change over the real members, and a member's tier with the manual override. A change to the
 * tiers or the policy has every member looked at again by the next nightly recalculation.
 */
@Service
@Transactional
public class TierAdmin {

    static final int MAX_TIERS = 12;

    private final TierStore store;
    private final TierKeeper keeper;
    private final TierBenefits benefits;
    private final Members members;
    private final StatusEvents statusEvents;
    private final TierWhatIf whatIf;

    TierAdmin(TierStore store, TierKeeper keeper, TierBenefits benefits, Members members, StatusEvents statusEvents,
              TierWhatIf whatIf) {
        this.whatIf = whatIf;
        this.statusEvents = statusEvents;
        this.store = store;
        this.keeper = keeper;
        this.benefits = benefits;
        this.members = members;
    }

    /** The tiers and policy of a circuit together. */
    public record Program(TierPolicy policy, List<Tier> tiers) {
    }

    /** A proposed change, counted before it is saved. */
    public record Proposal(@NotNull @Valid TierPolicy policy, @NotNull @Size(max = MAX_TIERS) List<@Valid @NotNull Tier> tiers) {
    }

    /**
     * How many members a proposal would move today: up at once, or down (when their downgrade rule lets them go),
     * among the members counted; members whose tier an administrator set are not moved.
     */
    public record WhatIf(long members, long up, long down, long unchanged, long manual) {
    }

    /** A tier an administrator sets, with the reason and an optional last day. */
    public record ManualTier(@NotNull Long tierId, @NotBlank @Size(max = 300) String reason, LocalDate until) {
    }

    /** A member's tier: where they stand, the manual override if any, and the tier's changes with their reasons. */
    public record MemberTierView(long memberId, TierStanding standing, Manual manual,
                                 List<StatusHistory.StatusEvent> history) {
    }

    public record Manual(long tierId, String name, String reason, String actor, LocalDate until, boolean inForce) {
    }

    @Transactional(readOnly = true)
    public Program program(Caller caller) {
        long c = caller.circuit();
        return new Program(store.policy(c).orElse(TierPolicy.DEFAULT), store.tiers(c));
    }

    @Transactional(readOnly = true)
    public Tier tier(Caller caller, long id) {
        return store.tier(caller.circuit(), id).orElseThrow(() -> new NotFound("Tier", id));
    }

    public Tier create(Caller caller, Tier t) {
        caller.require(Role.CIRCUIT_ADMIN);
        long c = caller.circuit();
        List<Tier> tiers = new ArrayList<>(store.tiers(c));
        tiers.add(t.withId(null));
        check(store.policy(c).orElse(TierPolicy.DEFAULT), tiers);
        long id = store.insert(c, t);
        changed(c);
        return store.tier(c, id).orElseThrow();
    }

    public Tier update(Caller caller, long id, Tier t) {
        caller.require(Role.CIRCUIT_ADMIN);
        long c = caller.circuit();
        List<Tier> tiers = new ArrayList<>(store.tiers(c));
        if (tiers.removeIf(x -> x.id() == id)) {
            tiers.add(t.withId(id));
        } else {
            throw new NotFound("Tier", id);
        }
        check(store.policy(c).orElse(TierPolicy.DEFAULT), tiers);
        store.update(c, id, t);
        changed(c);
        return store.tier(c, id).orElseThrow();
    }

    public void delete(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        long c = caller.circuit();
        if (!store.delete(c, id, keeper.today())) {
            throw new NotFound("Tier", id);
        }
        changed(c);
    }

    public TierPolicy savePolicy(Caller caller, TierPolicy p) {
        caller.require(Role.CIRCUIT_ADMIN);
        long c = caller.circuit();
        check(p, store.tiers(c));
        store.savePolicy(c, p);
        changed(c);
        return store.policy(c).orElseThrow();
    }

    private void changed(long circuitId) {
        store.reviewEveryone(circuitId, keeper.today());
    }

    /**
     * Refuses tiers that cannot stand together under the policy: two at the same threshold, a fractional threshold
     * for points or visits, too many tiers, and the policy's own cross-field rules. Field names are those of the
     * request; a tier's field is prefixed with its index in a list ({@code tiers[1].threshold}).
     */
    static void check(TierPolicy p, List<Tier> tiers) {
        Map<String, String> errors = new LinkedHashMap<>(p.problems());
        if (tiers.size() > MAX_TIERS) {
            errors.put("tiers", "at most " + MAX_TIERS + " tiers");
        }
        Map<BigDecimal, Tier> byThreshold = new LinkedHashMap<>();
        for (Tier t : tiers) {
            Tier same = byThreshold.put(t.threshold().stripTrailingZeros(), t);
            if (same != null) {
                errors.put("threshold", "two tiers cannot start at the same threshold (" + same.nameEn() + " and "
                        + t.nameEn() + " at " + t.threshold().stripTrailingZeros().toPlainString() + ")");
            }
            if (p.countsWholeUnits() && t.threshold().stripTrailingZeros().scale() > 0) {
                errors.put("threshold", "must be a whole number of " + (p.basis() == TierStanding.Basis.VISITS
                        ? "visits" : "points") + " (" + t.nameEn() + ": " + t.threshold().toPlainString() + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** How many members the proposal would move today; nothing is saved. */
    @Transactional(readOnly = true)
    public WhatIf whatIf(Caller caller, Proposal proposal) {
        caller.require(Role.CIRCUIT_ADMIN);
        long c = caller.circuit();
        check(proposal.policy(), proposal.tiers());
        for (Tier t : proposal.tiers()) {
            if (t.id() != null && store.tier(c, t.id()).isEmpty()) {
                throw new InvalidInput("tiers", "no tier " + t.id() + " in this circuit");
            }
        }
        return whatIf.count(c, proposal, keeper.today());
    }

    /** The circuit's tiers, for pages that already checked who may see them. */
    @Transactional(readOnly = true)
    public List<Tier> tiersOf(long circuitId) {
        return store.tiers(circuitId);
    }

    /** The member's manual tier if any, for pages that already checked who may see the member. */
    @Transactional(readOnly = true)
    public Manual manualOf(long c, long memberId) {
        return store.memberTier(c, memberId).filter(s -> s.manualTierId() != null)
                .map(s -> new Manual(s.manualTierId(), store.tier(c, s.manualTierId()).map(Tier::nameEn).orElse(null),
                        s.manualReason(), s.manualActor(), s.manualUntil(),
                        TierRules.manualInForce(s.manualTierId(), s.manualUntil(), keeper.today())))
                .orElse(null);
    }

    @Transactional(readOnly = true)
    public MemberTierView member(Caller caller, long memberId) {
        long c = caller.circuit();
        members.visible(caller, memberId);
        TierKeeper.Rules rules = keeper.rules(c, keeper.today()).orElse(null);
        TierStanding standing = rules == null ? null : benefits.standing(rules, memberId);
        Manual manual = manualOf(c, memberId);
        List<StatusHistory.StatusEvent> history = statusEvents.latest(c, memberId, 50).stream()
                .filter(e -> e.kind().name().startsWith("TIER_")).limit(20).toList();
        return new MemberTierView(memberId, standing, manual, history);
    }

    /** Sets the member's tier by hand; the same tier, reason and last day again changes nothing. */
    public MemberTierView setManual(Caller caller, long memberId, ManualTier m) {
        caller.require(Role.CIRCUIT_ADMIN);
        long c = caller.circuit();
        members.visible(caller, memberId);
        LocalDate today = keeper.today();
        if (m.tierId() == null || m.reason() == null || m.reason().isBlank()) {
            throw new InvalidInput(m.tierId() == null ? "tierId" : "reason", "is required");
        }
        Tier tier = store.tier(c, m.tierId())
                .orElseThrow(() -> new InvalidInput("tierId", "no tier " + m.tierId() + " in this circuit"));
        if (m.until() != null && m.until().isBefore(today)) {
            throw new InvalidInput("until", "must be today or later");
        }
        String reason = m.reason().strip();
        TierStore.MemberTier state = store.lock(c, memberId);
        if (Objects.equals(state.manualTierId(), tier.id()) && reason.equals(state.manualReason())
                && Objects.equals(state.manualUntil(), m.until())) {
            return member(caller, memberId);
        }
        Tier before = store.inForce(c, memberId, today).orElse(null);
        store.setManual(memberId, tier.id(), reason, caller.actor(), m.until());
        TierPolicy policy = store.policy(c).orElse(TierPolicy.DEFAULT);
        TierRules.Decision kept = new TierRules.Decision(TierRules.Change.NONE, state.held().tierId(),
                state.held().since(), state.held().keptUntil(), state.held().belowSince(), BigDecimal.ZERO, "");
        store.save(memberId, state.held(), TierRules.reviewOn(policy, kept, m.until(), today));
        keeper.record(c, memberId, StatusEventKind.TIER_SET_MANUALLY, before, tier, tier.nameEn()
                + " set by an administrator: " + reason + (m.until() == null ? "" : " (until " + m.until() + ")"),
                caller.actor());
        return member(caller, memberId);
    }

    /** Ends the member's manual tier now (nothing to do when there is none): their computed tier is in force again. */
    public MemberTierView clearManual(Caller caller, long memberId, String reason) {
        caller.require(Role.CIRCUIT_ADMIN);
        long c = caller.circuit();
        members.visible(caller, memberId);
        if (reason != null && reason.length() > 300) {
            throw new InvalidInput("reason", "at most 300 characters");
        }
        TierStore.MemberTier state = store.lock(c, memberId);
        if (state.manualTierId() != null) {
            Tier manual = store.tier(c, state.manualTierId()).orElse(null);
            store.setManual(memberId, null, null, null, null);
            Tier computed = state.held().tierId() == null ? null : store.tier(c, state.held().tierId()).orElse(null);
            keeper.record(c, memberId, StatusEventKind.TIER_MANUAL_ENDED, manual, computed,
                    "Ended by an administrator" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip())
                            + "; " + (computed == null ? "no tier" : computed.nameEn()) + " by activity from now",
                    caller.actor());
            keeper.activityChanged(c, memberId);
        }
        return member(caller, memberId);
    }
}
