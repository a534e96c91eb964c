package org.loyaltyhub.programs;

/** A membership sale was refunded or its order cancelled, once per sale, in the transaction that undid it. */
public record MembershipSaleRefunded(long circuitId, long saleId, long memberId, String reason) {
}
