package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A referral a guard refused: problem {@code referral-refused} with its {@code reason}. */
public class ReferralRefused extends LoyaltyException {

    private final RefusalReason reason;

    public ReferralRefused(RefusalReason reason) {
        super("referral-refused", Failure.REFUSED, "The referral was refused: " + reason);
        this.reason = reason;
        with("reason", reason.name());
    }

    public RefusalReason reason() {
        return reason;
    }
}
