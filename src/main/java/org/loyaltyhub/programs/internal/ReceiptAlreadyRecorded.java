package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A receipt number already recorded the sale of a membership to another member at the same store. */
public class ReceiptAlreadyRecorded extends LoyaltyException {

    public ReceiptAlreadyRecorded(String receipt) {
        super("receipt-already-recorded", Failure.CONFLICT, "The receipt " + receipt
                + " already recorded a membership sold to another member at this store");
    }
}
