package org.loyaltyhub.rewards;

/** A voucher's lifecycle: issued, then redeemed, expired or cancelled, each for good. */
public enum VoucherStatus {
    ISSUED, REDEEMED, EXPIRED, CANCELLED;

    /** The status after a change to {@code target}; refused unless the voucher is still issued. */
    public VoucherStatus to(VoucherStatus target) {
        if (this != ISSUED || target == ISSUED) {
            throw new VoucherRefused(refusal(), "The voucher is " + name().toLowerCase() + "; it cannot become "
                    + target.name().toLowerCase());
        }
        return target;
    }

    /** Why a voucher in this status cannot be used (the problem's code). */
    public String refusal() {
        return switch (this) {
            case ISSUED -> "voucher-issued";
            case REDEEMED -> "voucher-used";
            case EXPIRED -> "voucher-expired";
            case CANCELLED -> "voucher-cancelled";
        };
    }
}
