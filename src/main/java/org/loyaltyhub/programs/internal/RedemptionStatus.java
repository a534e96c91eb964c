package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.HoldStatus;

/**
 * Where a redemption stands: its points {@link #HELD} for the order, then spent ({@link #CAPTURED}), given back before
 * being spent ({@link #RELEASED}, or {@link #EXPIRED} when its time ran out), or given back after ({@link #REFUNDED}).
 */
public enum RedemptionStatus {
    HELD, CAPTURED, RELEASED, EXPIRED, REFUNDED;

    /**
     * The redemption's status once its reservation reached {@code hold}: a release is an expiry when the time ran out
     * ({@code expiring}) or the redemption had already expired.
     */
    public RedemptionStatus after(HoldStatus hold, boolean expiring) {
        return switch (hold) {
            case HELD -> HELD;
            case CAPTURED -> CAPTURED;
            case REFUNDED -> REFUNDED;
            case RELEASED -> expiring || this == EXPIRED ? EXPIRED : RELEASED;
        };
    }
}
