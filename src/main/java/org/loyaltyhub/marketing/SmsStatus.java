package org.loyaltyhub.marketing;

/**
 * Where an SMS is: QUEUED (paid, waiting for the sender), SENDING (handed to the gateway; committed before the call),
 * SENT (the gateway took it), FAILED (the gateway refused it, or an operator settled it as not sent: credits given
 * back) or UNKNOWN (a node died while the gateway had it: never resent automatically, an operator settles it).
 */
public enum SmsStatus {
    QUEUED, SENDING, SENT, FAILED, UNKNOWN;

    /** Whether an operator may still settle it. */
    public boolean unsettled() {
        return this == UNKNOWN;
    }
}
