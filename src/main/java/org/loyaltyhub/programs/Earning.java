package org.loyaltyhub.programs;

/** Turns purchases into points. Called in the purchase's transaction whenever its state changes. */
public interface Earning {

    /**
     * Brings the points posted for the purchase to what its current facts call for, posting only the difference:
     * replaying the same facts posts nothing.
     */
    PurchasePoints settle(PurchaseFacts facts);

    /** The points a purchase of this amount (without lines) would earn now: the counter's preview. */
    long preview(long circuitId, java.math.BigDecimal total);

    /** The same with the product lines of the cart, so per-product rules count. */
    long preview(long circuitId, java.math.BigDecimal total, java.util.List<PurchaseFacts.Line> lines);

    /** The same for a known member: their status's multipliers (tier, membership plan) count. */
    long preview(long circuitId, Long memberId, java.math.BigDecimal total, java.util.List<PurchaseFacts.Line> lines);
}
