package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A period that overlaps one already closed: its numbers are frozen and cannot be closed or changed again. */
public class PeriodClosed extends LoyaltyException {

    public PeriodClosed(long periodId, Period closed) {
        super("period-closed", Failure.CONFLICT, "The days from " + closed.first() + " to " + closed.last()
                + " are already closed: their numbers are frozen");
        with("periodId", periodId);
    }
}
