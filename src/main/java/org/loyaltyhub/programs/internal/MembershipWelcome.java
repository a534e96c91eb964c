package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * A plan's welcome points, posted once per membership (its business key) from circuit issuance, or from the selling
 * company's budget when the circuit enforces budgets; and taken back, as far as the balance allows, when the sale
 * that started the membership is refunded. Each in a savepoint: an exhausted budget refuses the points, not the sale.
 */
@Component
class MembershipWelcome {

    static final String KIND = "MEMBERSHIP_WELCOME";

    private final Ledger ledger;
    private final Tenancy tenancy;
    private final ProgramStore store;
    private final Clock clock;

    MembershipWelcome(Ledger ledger, Tenancy tenancy, ProgramStore store, Clock clock) {
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.NESTED)
    public void give(long circuitId, long memberId, long membershipId, MembershipPlan plan, Long companyId,
                     Long storeId, String actor) {
        if (plan.welcomePoints() == 0) {
            return;
        }
        ledger.post(EntryDraft.transfer(circuitId, "membership:" + membershipId + ":welcome", KIND,
                        "Welcome to the membership " + plan.nameEn())
                .move(source(circuitId, companyId), AccountRef.available(memberId), plan.welcomePoints(), null,
                        new LotRule.NewLot(companyId, Expiry.of(store.settings(circuitId), clock.instant())))
                .member(memberId).company(companyId).store(storeId).actor(actor).build());
    }

    /** Withdraws the welcome points of a membership whose first sale was refunded: at most what the member has left. */
    @Transactional(propagation = Propagation.NESTED)
    public void takeBack(long circuitId, long memberId, long membershipId, MembershipPlan plan, Long companyId,
                         Long storeId, String actor) {
        long balance = ledger.balance(circuitId, AccountRef.available(memberId));
        long points = Math.min(plan.welcomePoints(), balance);
        if (points <= 0 || ledger.entryByKey(circuitId, "membership:" + membershipId + ":welcome").isEmpty()) {
            return;
        }
        ledger.post(EntryDraft.transfer(circuitId, "membership:" + membershipId + ":welcome:withdrawn",
                        KIND + "_REVERSAL", "Membership " + plan.nameEn() + " refunded: welcome points withdrawn")
                .move(AccountRef.available(memberId), source(circuitId, companyId), points)
                .member(memberId).company(companyId).store(storeId).actor(actor).build());
    }

    private AccountRef source(long circuitId, Long companyId) {
        return companyId != null && tenancy.circuit(circuitId).budgetsEnforced() ? AccountRef.budget(companyId)
                : AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE);
    }
}
