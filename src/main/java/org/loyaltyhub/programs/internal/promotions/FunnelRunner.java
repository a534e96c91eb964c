package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.members.MemberEnrolled;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.MemberStatuses;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchaseHistory;
import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.programs.internal.ProgramStore;
import org.loyaltyhub.programs.internal.PurchaseListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Members through funnels: a trigger (enrolment, an event, a purchase at its award moment) enters the member (once per
 * occurrence) as a waiting run due after the funnel's delay; a run falls due (at once without a delay, otherwise in the campaigns job) and is settled once: skipped with
 * why (funnel paused, a purchase meanwhile, a filter unmet) or acted, each effect under its own business key.
 */
@Component
class FunnelRunner implements PurchaseListener {

    /** A purchase trigger's occurrence: the purchase, so each purchase enters its member once per funnel. */
    private static final String PURCHASE = "purchase:";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FunnelRunner.class);

    private final FunnelStore funnels;
    private final OccasionStore occasions;
    private final OccasionEffects effects;
    private final MemberStatuses statuses;
    private final ObjectProvider<SegmentMembers> segments;
    private final ProgramStore programs;
    private final org.loyaltyhub.programs.internal.CircuitFeatures features;
    private final PurchaseHistory history;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    FunnelRunner(FunnelStore funnels, OccasionStore occasions, OccasionEffects effects, MemberStatuses statuses,
                 ObjectProvider<SegmentMembers> segments, ProgramStore programs,
                 org.loyaltyhub.programs.internal.CircuitFeatures features, PurchaseHistory history, Clock clock,
                 TransactionTemplate tx) {
        this.programs = programs;
        this.features = features;
        this.history = history;
        this.savepoint = new TransactionTemplate(tx.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.funnels = funnels;
        this.occasions = occasions;
        this.effects = effects;
        this.statuses = statuses;
        this.segments = segments;
        this.clock = clock;
    }

    /** A new member enters the circuit's enrolment funnels (an online sign-up too: the funnel's filters decide). */
    @EventListener
    @Transactional(propagation = Propagation.NESTED)
    public void on(MemberEnrolled e) {
        enter(e.circuitId(), e.memberId(), funnels.active(e.circuitId(), Funnel.Kind.ENROLMENT), f -> null,
                "enrolment", clock.instant(), e.actor());
    }

    /**
     * A purchase settled at the program's award moment enters its member in the circuit's purchase funnels whose
     * conditions it meets, once per purchase (its later settlements and replayed reports find the run there); a past
     * purchase brought in from elsewhere and a voided one enter nobody.
     */
    @Override
    public void settled(PurchaseFacts p) {
        if (p.withoutPoints() || !features.of(p.circuitId()).purchaseFunnels()
                || !programs.settings(p.circuitId()).awarded(p)) {
            return; // most circuits have no purchase funnel: an earn costs no query for them
        }
        List<Funnel> list = funnels.active(p.circuitId(), Funnel.Kind.PURCHASE);
        if (list.isEmpty()) {
            return;
        }
        BigDecimal spent = p.total().amount().subtract(p.refunded().amount()).max(BigDecimal.ZERO);
        enter(p.circuitId(), p.memberId(), list, f -> f.trigger().purchase().unmet(spent, p.companyId(), p.storeId(),
                () -> history.visitNumber(p.circuitId(), p.memberId(), p.purchaseId())), PURCHASE + p.purchaseId(),
                clock.instant(), p.actor());
    }

    /** Enters the member in each funnel the event triggers; what each did, in words. */
    List<String> onEvent(long circuitId, long memberId, String type, JsonNode attributes, String occurrence, Instant at,
                         String actor) {
        List<Funnel> matching = funnels.active(circuitId, Funnel.Kind.EVENT).stream()
                .filter(f -> f.trigger().event().eventType().equals(type)).toList();
        return enter(circuitId, memberId, matching, f -> f.trigger().event().conditions().stream()
                .map(c -> c.unmet(attributes)).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                occurrence, at, actor);
    }

    /** Enters the member in each funnel whose trigger's conditions are met ({@code unmet} says why not, or null). */
    private List<String> enter(long circuitId, long memberId, List<Funnel> list, Function<Funnel, String> unmet,
                               String occurrence, Instant at, String actor) {
        List<String> out = new ArrayList<>();
        for (Funnel f : list) {
            String name = "Funnel #" + f.id() + " \"" + f.name() + "\"";
            String why = unmet.apply(f);
            if (why != null) {
                out.add(name + ": not entered (" + why + ")");
                continue;
            }
            Instant due = at.plus(Duration.ofDays(f.delayDays()));
            var run = funnels.enter(circuitId, f.id(), memberId, occurrence, at, due);
            if (run.isEmpty()) {
                out.add(name + ": already entered for " + occurrence);
            } else if (f.delayDays() == 0) {
                out.add(name + ": " + settleNow(run.get(), actor));
            } else {
                out.add(name + ": entered, waiting until " + due);
            }
        }
        return out;
    }

    /**
     * Settles a run that is due at once, behind a savepoint: an effect that fails (a reward out of stock) neither
     * undoes the enrolment or the event that triggered it nor leaves half of the effects; the run stays waiting and
     * the campaigns job tries it again.
     */
    private String settleNow(long runId, String actor) {
        try {
            return savepoint.execute(status -> settle(runId, actor));
        } catch (RuntimeException e) {
            log.warn("Funnel run {} left for the next round: {}", runId, e.getMessage());
            return "entered; it acts in the next round";
        }
    }

    /** Settles a due run once (null when it is not waiting or not due); what it did, in words. */
    String settle(long runId, String actor) {
        FunnelStore.Run r = funnels.lock(runId).orElse(null);
        Instant now = clock.instant();
        if (r == null || r.state() != Funnel.RunState.WAITING || r.dueAt().isAfter(now)) {
            return null;
        }
        Funnel f = funnels.find(r.circuitId(), r.funnelId()).orElseThrow();
        String skip = skipReason(r, f);
        if (skip != null) {
            funnels.settle(r, Funnel.RunState.SKIPPED, now, skip);
            return "skipped: " + skip;
        }
        List<String> done = new ArrayList<>();
        String reason = "Funnel #" + f.id() + " \"" + f.name() + "\" (" + f.rule() + ")";
        for (int i = 0; i < f.effects().size(); i++) {
            done.add(effects.apply(r.circuitId(), r.memberId(), f.effects().get(i), null,
                    OccasionEffects.Payer.CIRCUIT, "funnel:" + r.id() + ":" + i, reason, actor).detail());
        }
        String detail = String.join("; ", done);
        funnels.settle(r, Funnel.RunState.ACTED, now, detail);
        return "acted: " + detail;
    }

    private String skipReason(FunnelStore.Run r, Funnel f) {
        if (f.status() != Promotion.Status.ACTIVE) {
            return "the funnel is " + f.status().name().toLowerCase(java.util.Locale.ROOT);
        }
        Long purchase = r.occurrence().startsWith(PURCHASE) ? Long.valueOf(r.occurrence().substring(PURCHASE.length()))
                : null;
        if (purchase != null && funnels.voided(purchase)) {
            return "the purchase was cancelled or refunded";
        }
        if (f.unlessPurchased() && funnels.purchasedSince(r.memberId(), r.enteredAt(), purchase)) {
            return "the member made " + (purchase == null ? "a" : "another") + " purchase during the delay";
        }
        FunnelFilters x = f.filters();
        MemberStatus status = x.badgeId() == null && x.tierId() == null ? MemberStatus.NONE
                : statuses.of(r.circuitId(), r.memberId());
        SegmentMembers sm = segments.getIfAvailable();
        Set<Long> badges = status.badges().stream().map(MemberStatus.Ref::id).collect(Collectors.toSet());
        FunnelFilters.Facts facts = new FunnelFilters.Facts(effects.balance(r.circuitId(), r.memberId()), badges,
                status.tier() == null ? null : status.tier().id(),
                x.segmentId() != null && sm != null && sm.contains(r.circuitId(), x.segmentId(), r.memberId()),
                x.tag() != null && occasions.has(r.circuitId(), r.memberId(), x.tag()));
        return x.unmet(facts);
    }
}
