package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.time.Instant;

/** A sale may be voided only for the circuit's window after it was made. */
public class VoidWindowClosed extends LoyaltyException {

    public VoidWindowClosed(Instant until) {
        super("void-window-closed", Failure.CONFLICT, "This sale could be voided until " + until
                + "; a company administrator may refund what is left of it");
    }
}
