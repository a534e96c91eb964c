package org.loyaltyhub.ledger;

/**
 * Where a reservation of a member's points (or money) stands: {@link #HELD} until it is captured (spent) or released
 * (back to the member, also when its time runs out); a captured one may later be {@link #REFUNDED} (given back).
 */
public enum HoldStatus {
    HELD, CAPTURED, RELEASED, REFUNDED;

    /** Whether the reservation is settled for good: nothing but a give-back of a capture can change it. */
    public boolean settled() {
        return this != HELD;
    }
}
