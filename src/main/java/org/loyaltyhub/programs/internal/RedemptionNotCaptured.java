package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** Only a captured redemption can be undone: a held one is released instead, a settled one stays as it is. */
public class RedemptionNotCaptured extends LoyaltyException {

    public RedemptionNotCaptured(long id, RedemptionStatus status) {
        super("redemption-not-captured", Failure.CONFLICT, "Redemption " + id + " is "
                + status.name().toLowerCase(java.util.Locale.ROOT) + ": only a captured redemption can be undone");
        with("redemptionStatus", status.name());
    }
}
