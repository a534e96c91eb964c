package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.time.LocalDate;

/** A settlement already marked paid, with another day or reference: a payment is recorded once. */
public class SettlementPaid extends LoyaltyException {

    public SettlementPaid(long settlementId, LocalDate paidOn, String reference) {
        super("settlement-paid", Failure.CONFLICT, "This settlement was already marked paid on " + paidOn + " (" + reference + ")");
        with("settlementId", settlementId);
    }
}
