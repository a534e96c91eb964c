package org.loyaltyhub.purchases;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** Where a member's claim of a receipt stands: recorded as a purchase, waiting for an operator, or refused by one. */
public enum ReceiptClaimStatus {
    RECORDED, PENDING, REFUSED;

    /** An operator's decision on a claim: only a pending claim can be decided, once. */
    public ReceiptClaimStatus decide(boolean approve) {
        if (this != PENDING) {
            throw new LoyaltyException("receipt-already-reviewed", Failure.CONFLICT, "This receipt was reviewed already: " + this);
        }
        return approve ? RECORDED : REFUSED;
    }
}
