package org.loyaltyhub.purchases;

import org.loyaltyhub.shared.Money;

import java.time.Instant;

/** A member's claim of a receipt: the store, the receipt's number, time and amount, and what became of it. */
public record ReceiptClaim(long id, long memberId, long storeId, long receiptNumber, Instant issuedAt, Money amount,
                           ReceiptClaimStatus status, String refusalReason, Long purchaseId, Instant claimedAt) {
}
