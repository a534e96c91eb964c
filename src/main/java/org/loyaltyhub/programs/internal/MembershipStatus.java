package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** Where a membership stands: in force, ended at its end date, or cancelled (by an administrator or a refund). */
public enum MembershipStatus {
    ACTIVE, ENDED, CANCELLED;

    /** Only a membership in force can be cancelled or expire. */
    public MembershipStatus end(MembershipStatus to) {
        if (this != ACTIVE || to == ACTIVE) {
            throw new LoyaltyException("membership-not-active", Failure.CONFLICT, "This membership has already "
                    + (this == ENDED ? "ended" : "been cancelled"));
        }
        return to;
    }
}
