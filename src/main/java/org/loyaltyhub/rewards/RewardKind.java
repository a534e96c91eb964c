package org.loyaltyhub.rewards;

/** What a reward gives. Vouchers of the first four are redeemed at a till; a physical reward is fulfilled by a store. */
public enum RewardKind {
    /** A fixed amount off (5 € off). */
    FIXED_AMOUNT,
    /** A percentage off, up to a cap. */
    PERCENT,
    /** A product, named by its id or SKU. */
    FREE_PRODUCT,
    /** Free shipping, for shops. */
    FREE_SHIPPING,
    /** A physical item or an experience, prepared and handed over by a store. */
    PHYSICAL;

    public boolean fulfilledByStore() {
        return this == PHYSICAL;
    }
}
