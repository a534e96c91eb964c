package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A sale whose credit was used (spent, reserved, moved or expired) cannot be voided; nothing left to refund. */
public class PrepaidSaleSpent extends LoyaltyException {

    public PrepaidSaleSpent(String message) {
        super("prepaid-sale-spent", Failure.CONFLICT, message);
    }
}
