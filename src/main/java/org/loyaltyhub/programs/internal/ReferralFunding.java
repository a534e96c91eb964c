package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * How referral rewards and multi-level commissions reach the books: who pays (the circuit's issuance, or the budget
 * of the company where the purchase was made when the circuit enforces budgets and the referral settings say so),
 * credits as new lots of that company, and take-backs that consume those lots first and never more than the member
 * still has. A credit an exhausted budget refuses is skipped (logged) inside a savepoint, never failing the purchase.
 */
@Component
class ReferralFunding {

    private static final Logger log = LoggerFactory.getLogger(ReferralFunding.class);

    private final Ledger ledger;
    private final Tenancy tenancy;
    private final ProgramStore programs;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    ReferralFunding(Ledger ledger, Tenancy tenancy, ProgramStore programs, Clock clock,
                    PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.programs = programs;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The company whose budget pays for what the purchase's referral brings; null: the circuit's issuance. */
    Long payer(ReferralSettings s, PurchaseFacts f) {
        return s.funding() == ReferralSettings.Funding.EARNING_COMPANY
                && tenancy.circuit(f.circuitId()).budgetsEnforced() ? f.companyId() : null;
    }

    static AccountRef source(Long payer) {
        return payer == null ? AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE) : AccountRef.budget(payer);
    }

    /** Credits {@code points} to the member as a new lot of the purchase's company. */
    PostedEntry credit(PurchaseFacts f, Long payer, long memberId, long points, String key, String kind,
                       String reason) {
        return ledger.post(EntryDraft.transfer(f.circuitId(), key, kind, reason)
                .move(source(payer), AccountRef.available(memberId), points, null,
                        new LotRule.NewLot(f.companyId(), Expiry.of(programs.settings(f.circuitId()), clock.instant())))
                .member(memberId).company(f.companyId()).store(f.storeId()).actor(f.actor()).build());
    }

    /**
     * Runs {@code work} (credits and what records them) so that a company budget's refusal undoes all of it and
     * nothing else: skipped and logged, the purchase still settles; a later settlement may try again.
     */
    void funded(Long payer, Runnable work, String what) {
        if (payer == null) {
            work.run(); // the circuit's issuance never runs out
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> work.run());
        } catch (InsufficientBalance exhausted) {
            log.warn("Skipped {}: {}", what, exhausted.getMessage());
        }
    }

    /**
     * Takes back up to {@code points} of what {@code entryId} credited (its lots first), at most what the member has
     * left; returns what was taken back.
     */
    long takeBack(PurchaseFacts f, Long payer, long memberId, long points, long entryId, String key, String kind,
                  String reason, boolean reversesWhole) {
        long less = Math.min(points, ledger.balance(f.circuitId(), AccountRef.available(memberId)));
        if (less <= 0) {
            return 0;
        }
        ledger.post(EntryDraft.transfer(f.circuitId(), key, kind, reason)
                .move(AccountRef.available(memberId), source(payer), less, new LotRule.ConsumeFirst(entryId), null)
                .member(memberId).company(f.companyId()).store(f.storeId()).actor(f.actor())
                .reverses(reversesWhole ? entryId : null).build());
        return less;
    }
}
