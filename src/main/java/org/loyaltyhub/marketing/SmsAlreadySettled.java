package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** Only an SMS whose outcome is unknown can be settled: problem {@code sms-already-settled} (409). */
public class SmsAlreadySettled extends LoyaltyException {

    public SmsAlreadySettled(long messageId, SmsStatus status) {
        super("sms-already-settled", Failure.CONFLICT, "SMS " + messageId + " is " + status + ": only an SMS whose outcome is "
                + "UNKNOWN can be settled");
        with("status", status.name());
    }
}
