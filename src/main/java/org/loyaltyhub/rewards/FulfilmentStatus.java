package org.loyaltyhub.rewards;

/** A physical reward at the store: requested, ready for pick-up, then handed over or cancelled. */
public enum FulfilmentStatus {
    REQUESTED, READY, HANDED_OVER, CANCELLED;

    /** The status after moving to {@code target}; refused when it is not the next step. */
    public FulfilmentStatus to(FulfilmentStatus target) {
        boolean allowed = switch (this) {
            case REQUESTED -> target == READY || target == CANCELLED;
            case READY -> target == HANDED_OVER || target == CANCELLED;
            case HANDED_OVER, CANCELLED -> false;
        };
        if (!allowed) {
            throw new VoucherRefused("fulfilment-step", "The reward is " + name().toLowerCase().replace('_', ' ')
                    + "; it cannot become " + target.name().toLowerCase().replace('_', ' '));
        }
        return target;
    }

    public boolean open() {
        return this == REQUESTED || this == READY;
    }
}
