package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A recharge request already approved, refused or cancelled cannot take another decision. */
public class RechargeRequestClosed extends LoyaltyException {

    public RechargeRequestClosed(long id, RechargeStatus status, String action) {
        super("recharge-request-closed", Failure.CONFLICT, "Recharge request " + id + " is " + status
                + " and can no longer be " + action);
        with("status", status.name());
    }
}
