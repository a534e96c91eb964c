package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.StatusEventKind;
import org.loyaltyhub.programs.TierChanged;
import org.loyaltyhub.programs.internal.TierRules.Change;
import org.loyaltyhub.programs.internal.TierRules.Decision;
import org.loyaltyhub.programs.internal.TierStore.MemberTier;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Keeps members' computed tiers: re-evaluates a member in the transaction of the activity that moved (so an upgrade
 * commits with the points that caused it), holding the member's tier row locked so that concurrent purchases
 * crossing a threshold upgrade once; the nightly recalculation uses the same decisions for members whose window
 * moved. Every change is recorded with its reason and published ({@link TierChanged}).
 */
@Component
class TierKeeper implements ActivityListener {

    static final String SYSTEM = "tiers";

    private final TierStore store;
    private final Activity activity;
    private final StatusEvents statusEvents;
    private final ApplicationEventPublisher events;
    private final Tenancy tenancy;
    private final Clock clock;

    private final CircuitFeatures features;

    TierKeeper(TierStore store, Activity activity, StatusEvents statusEvents, ApplicationEventPublisher events,
                Tenancy tenancy, Clock clock, CircuitFeatures features) {
        this.features = features;
        this.store = store;
        this.activity = activity;
        this.statusEvents = statusEvents;
        this.events = events;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** A circuit's tier rules as of a day: what every decision of a round shares. */
    record Rules(long circuitId, TierPolicy policy, List<Tier> tiers, LocalDate today, String currency) {
    }

    /** What a look at one member decided: the computed tier, the next look, and whether a manual tier ended. */
    record Outcome(MemberTier before, Decision decision, LocalDate reviewOn, boolean manualEnded) {
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The circuit's rules on {@code today}; empty when it has no tiers. */
    Optional<Rules> rules(long circuitId, LocalDate today) {
        List<Tier> tiers = store.tiers(circuitId);
        if (tiers.isEmpty()) {
            return Optional.empty();
        }
        TierPolicy policy = store.policy(circuitId).orElse(TierPolicy.DEFAULT);
        return Optional.of(new Rules(circuitId, policy, tiers, today, tenancy.circuit(circuitId).currency()));
    }

    @Override
    public void activityChanged(long circuitId, long memberId) {
        if (!features.of(circuitId).tiers()) {
            return;
        }
        rules(circuitId, today()).ifPresent(r -> reevaluate(r, memberId));
    }

    /** Looks at one member now, in the caller's transaction, their tier row locked. */
    void reevaluate(Rules r, long memberId) {
        MemberTier state = store.lock(r.circuitId(), memberId);
        LocalDate from = TierRules.windowStart(r.policy(), r.today());
        LocalDate previousFrom = TierRules.previousPeriodStart(r.policy(), r.today());
        Activity.Totals now = activity.totals(memberId, from);
        BigDecimal previous = previousFrom == null ? BigDecimal.ZERO
                : TierRules.counted(r.policy().basis(), activity.totals(memberId, previousFrom))
                .subtract(TierRules.counted(r.policy().basis(), now));
        Outcome o = decide(r, state, TierRules.counted(r.policy().basis(), now), previous);
        store.save(memberId, o.decision().held(), o.reviewOn());
        if (o.manualEnded()) {
            store.setManual(memberId, null, null, null, null);
        }
        announce(r, o);
    }

    /** The decision for one member from what their window (and the previous period) counted. */
    Outcome decide(Rules r, MemberTier state, BigDecimal now, BigDecimal previous) {
        Decision d = TierRules.decide(r.policy(), r.tiers(), state.held(), now, previous, r.today());
        boolean manualEnded = state.manualTierId() != null
                && !TierRules.manualInForce(state.manualTierId(), state.manualUntil(), r.today());
        LocalDate manualUntil = manualEnded ? null : state.manualUntil();
        return new Outcome(state, d, TierRules.reviewOn(r.policy(), d, manualUntil, r.today()), manualEnded);
    }

    /** Records and publishes what changed. */
    void announce(Rules r, Outcome o) {
        MemberTier before = o.before();
        Decision d = o.decision();
        if (d.change() != Change.NONE) {
            Tier from = TierRules.find(r.tiers(), before.held().tierId());
            Tier to = TierRules.find(r.tiers(), d.tierId());
            String reason = TierRules.explain(d, to, from, r.policy().basis(), r.currency());
            record(r.circuitId(), before.memberId(), d.change() == Change.UP ? StatusEventKind.TIER_UP
                    : StatusEventKind.TIER_DOWN, from, to, reason, SYSTEM);
        }
        if (o.manualEnded()) {
            Tier manual = TierRules.find(r.tiers(), before.manualTierId());
            Tier computed = TierRules.find(r.tiers(), d.tierId());
            record(r.circuitId(), before.memberId(), StatusEventKind.TIER_MANUAL_ENDED, manual, computed,
                    "The tier set by an administrator ended on " + before.manualUntil() + "; "
                            + (computed == null ? "no tier" : computed.nameEn()) + " by activity from now", SYSTEM);
        }
    }

    /** Records a tier change with its reason and publishes it. */
    void record(long circuitId, long memberId, StatusEventKind kind, Tier from, Tier to, String reason, String actor) {
        statusEvents.record(circuitId, memberId, kind, from == null ? null : from.nameEn(),
                to == null ? null : to.nameEn(), to == null ? null : to.id(), reason, actor);
        events.publishEvent(new TierChanged(circuitId, memberId, kind, from == null ? null : from.id(),
                from == null ? null : from.nameEn(), to == null ? null : to.id(), to == null ? null : to.nameEn(),
                reason, to == null ? null : new org.loyaltyhub.programs.MemberStatus.Names(to.nameEn(), to.nameIt())));
    }
}
