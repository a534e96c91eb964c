package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** The company's receipt number already recorded a different prepaid sale (a retry of the same one is answered). */
public class PrepaidReceiptUsed extends LoyaltyException {

    public PrepaidReceiptUsed(String receipt) {
        super("receipt-already-recorded", Failure.CONFLICT, "The receipt " + receipt
                + " already recorded a different prepaid sale at this company");
    }
}
