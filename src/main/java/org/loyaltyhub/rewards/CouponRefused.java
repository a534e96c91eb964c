package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A coupon a member cannot claim: problem {@code coupon-refused} (409) with its {@code reason}. */
public class CouponRefused extends LoyaltyException {

    public enum Reason {
        /** The campaign has not started yet. */
        NOT_STARTED,
        /** The campaign is over. */
        ENDED,
        /** Every unique code of the campaign has been given out. */
        OUT_OF_STOCK
    }

    private final Reason reason;

    public CouponRefused(Reason reason) {
        super("coupon-refused", Failure.CONFLICT, switch (reason) {
            case NOT_STARTED -> "The campaign has not started yet";
            case ENDED -> "The campaign is over";
            case OUT_OF_STOCK -> "Every code of the campaign has been given out";
        });
        this.reason = reason;
        with("reason", reason.name());
    }

    public Reason reason() {
        return reason;
    }
}
