package org.loyaltyhub.programs;

import org.loyaltyhub.shared.Money;

/** What other modules (the storefront widget) read of a member's money wallets. */
public interface Wallets {

    /** The member's cashback, accumulated discounts and prepaid credit, in the circuit's currency. */
    Summary summary(long circuitId, long memberId);

    /**
     * What a purchase earned of each money purpose and by which rule (products', the store's, the company's or the
     * circuit's rate, and the status multipliers); empty when it earned by none.
     */
    java.util.List<PurchaseEarned> earnedOn(long circuitId, long purchaseId, java.util.Currency currency);

    /** A purchase's award of one money purpose: its full worth, what is pending and available of it now, the rule. */
    record PurchaseEarned(org.loyaltyhub.ledger.Purpose purpose, Money base, Money pending, Money available,
                          String rule) {
    }

    /**
     * The member's latest movements that changed a money wallet (cashback, accumulated discounts, prepaid credit),
     * newest first, at most {@code limit}: what a customer is shown outside the back office (no internal notes).
     */
    java.util.List<Move> recent(long circuitId, long memberId, int limit);

    /** A wallet movement as a customer sees it: when, which wallet, the ledger's kind, and the signed change. */
    record Move(java.time.Instant at, org.loyaltyhub.ledger.Purpose purpose, String kind, Money change) {
    }

    /** {@code shown}: a program is on in the circuit or the member has something in a wallet. */
    record Summary(boolean shown, boolean cashbackOn, Money cashback, Money cashbackPending, boolean discountOn,
                   Money discount, Money discountPending, boolean prepaidOn, Money prepaid) {
    }
}
