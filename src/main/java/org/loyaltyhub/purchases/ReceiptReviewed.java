package org.loyaltyhub.purchases;

/**
 * An operator approved or refused a member's receipt waiting for review; published in the reviewing transaction (the
 * member is told through the notifications).
 */
public record ReceiptReviewed(long circuitId, long memberId, long claimId, long storeId, boolean approved,
                              String reason) {
}
