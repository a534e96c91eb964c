package org.loyaltyhub.purchases;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A check-in refused: problem {@code check-in-refused} with its {@code reason}. */
public class CheckInRefused extends LoyaltyException {

    private final CheckInRefusal reason;

    public CheckInRefused(CheckInRefusal reason) {
        super("check-in-refused", Failure.REFUSED, "The check-in was refused: " + reason);
        this.reason = reason;
        with("reason", reason.name());
    }

    public CheckInRefusal reason() {
        return reason;
    }
}
