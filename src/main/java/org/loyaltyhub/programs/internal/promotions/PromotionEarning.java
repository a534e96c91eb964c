package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchaseHistory;
import org.loyaltyhub.programs.internal.EarningPolicy;
import org.loyaltyhub.programs.internal.Expiry;
import org.loyaltyhub.programs.internal.ProgramStore;
import org.loyaltyhub.programs.internal.PurchaseListener;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Promotions on the live path. When a purchase first reaches the program's award moment, the engine decides once
 * which active promotions it earns (the evaluation is stored, with every promotion considered and why); each applied
 * promotion gets a grant whose points are posted as their own movement, naming the promotion and its rule. Every later
 * settlement keeps each grant in step with the purchase like its own points: a refund takes back the same share, a
 * cancellation all of it, and the promotion's spent points follow. Promotions with limits or a budget are locked (id
 * order) while deciding, so concurrent purchases never exceed them.
 */
@Component
class PromotionEarning implements PurchaseListener {

    private final PromotionStore store;
    private final PromotionCases cases;
    private final ProgramStore programs;
    private final PurchaseHistory history;
    private final Ledger ledger;
    private final Tenancy tenancy;
    private final Clock clock;

    PromotionEarning(PromotionStore store, PromotionCases cases, ProgramStore programs, PurchaseHistory history,
                     Ledger ledger, Tenancy tenancy, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.programs = programs;
        this.history = history;
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public void settled(PurchaseFacts f) {
        ProgramSettings s = programs.settings(f.circuitId());
        if (s.awarded(f) && !store.isEvaluated(f.purchaseId())) {
            decide(f, s);
        }
        for (PromotionStore.Grant g : store.grantsOf(f.purchaseId())) {
            follow(f, s, g);
        }
    }

    private void decide(PurchaseFacts f, ProgramSettings s) {
        List<Promotion> active = store.active(f.circuitId(), PromotionTrigger.Kind.PURCHASE);
        Instant at = f.occurredAt() == null ? clock.instant() : f.occurredAt();
        if (active.isEmpty()) {
            store.evaluated(f.circuitId(), f.companyId(), f.purchaseId(), clock.instant(), List.of());
            return;
        }
        ZoneId zone = store.zone(f.circuitId());
        PromotionEngine.PurchaseCase c = cases.of(f, at, zone, s, store.basePoints(f.purchaseId()),
                () -> history.visitNumber(f.circuitId(), f.memberId(), f.purchaseId()), active);
        List<Promotion> limited = active.stream().filter(p -> PromotionEngine.matches(c, p)).toList();
        Map<Long, PromotionEngine.Counters> counters = store.counters(limited, f.memberId(), at, zone, true);
        PromotionEngine.Evaluation evaluation = PromotionEngine.evaluate(c, active, counters);
        store.evaluated(f.circuitId(), f.companyId(), f.purchaseId(), clock.instant(), evaluation.considered());
        Long source = tenancy.circuit(f.circuitId()).budgetsEnforced() ? f.companyId() : null;
        for (PromotionEngine.Considered applied : evaluation.applied()) {
            store.grant(f.circuitId(), applied.promotionId(), f.memberId(), f.purchaseId(), at, applied.points(), source);
        }
    }

    /** Brings what the grant has posted to its share of what is left of the purchase. */
    private void follow(PurchaseFacts f, ProgramSettings s, PromotionStore.Grant g) {
        if (g.withdrawn()) {
            return; // taken back whole: a purchase that comes back to life does not have the promotion again
        }
        long target = f.voided() ? 0 : EarningPolicy.afterRefund(g.points(), f.total().amount(), f.refunded().amount());
        AccountRef source = g.sourceCompanyId() == null ? AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE)
                : AccountRef.budget(g.sourceCompanyId());
        if (target > g.given()) {
            // growing (first posted, or a refund undone): never past the promotion's budget nor the company's
            long room = store.budgetLeft(g.promotionId());
            if (g.sourceCompanyId() != null) {
                room = Math.min(room, ledger.balance(f.circuitId(), source));
            }
            target = g.given() + Math.max(0, Math.min(target - g.given(), room));
        }
        if (target == g.given()) {
            return;
        }
        AccountRef member = AccountRef.available(f.memberId());
        int steps = g.steps();
        Long lot = g.lotEntryId();
        long given = g.given();
        String key = "purchase:" + f.purchaseId() + ":promotion:" + g.promotionId() + ":";
        String name = store.find(f.circuitId(), g.promotionId()).map(p -> "Promotion #" + g.promotionId() + " \""
                + p.promotion().name() + "\" (" + PromotionEngine.rule(p.promotion()) + ")")
                .orElse("Promotion #" + g.promotionId());
        if (target > given) {
            PostedEntry e = ledger.post(EntryDraft.transfer(f.circuitId(), key + (++steps), "PROMOTION", name)
                    .move(source, member, target - given, null,
                            new LotRule.NewLot(f.companyId(), Expiry.of(s, clock.instant())))
                    .member(f.memberId()).company(f.companyId()).store(f.storeId()).actor(f.actor()).build());
            lot = e.id();
            given = target;
        } else {
            long less = Math.min(given - target, ledger.balance(f.circuitId(), member));
            if (less > 0) {
                ledger.post(EntryDraft.transfer(f.circuitId(), key + (++steps), "PROMOTION_REVERSAL",
                                (f.voided() ? "Order cancelled: " : "Order refunded: ") + name + " withdrawn"
                                        + (f.voided() ? "" : " in proportion"))
                        .move(member, source, less, lot == null ? null : new LotRule.ConsumeFirst(lot), null)
                        .member(f.memberId()).company(f.companyId()).store(f.storeId()).actor(f.actor()).build());
                given -= less;
            }
        }
        store.given(g, given, target == 0, lot, steps);
    }
}
