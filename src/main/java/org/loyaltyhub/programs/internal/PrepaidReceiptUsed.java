package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.LoyaltyException;

/** The company's receipt number already recorded a different prepaid sale (a retry of the same one is answered). */
public class PrepaidReceiptUsed extends LoyaltyException {

    public PrepaidReceiptUsed(String receipt) {
        super("receipt-already-recorded", 409, "The receipt " + receipt
                + " already recorded a different prepaid sale at this company");
    }
}
