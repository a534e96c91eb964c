package org.loyaltyhub.purchases;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A receipt code refused: problem {@code receipt-refused} with its {@code reason}. */
public class ReceiptRefused extends LoyaltyException {

    private final ReceiptRefusal reason;

    public ReceiptRefused(ReceiptRefusal reason) {
        super("receipt-refused", Failure.REFUSED, "The receipt code was refused: " + reason);
        this.reason = reason;
        with("reason", reason.name());
    }

    public ReceiptRefusal reason() {
        return reason;
    }
}
