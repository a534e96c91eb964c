package org.loyaltyhub.programs;

/** Lets an order settle the redemption it used: payment captures the points, cancellation releases them. */
public interface Redemptions {

    void captureForOrder(long circuitId, long redemptionId, long memberId, String orderId, String actor);

    void releaseForOrder(long circuitId, long redemptionId, long memberId, String actor);
}
