package org.loyaltyhub.programs.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One sale of a membership (a start or a renewal): money, not points, kept for the reports with who sold it, where,
 * how it was paid, and the period it bought.
 */
public record MembershipSale(long id, long membershipId, long memberId, long planId, Kind kind,
                             MembershipSource source, BigDecimal amount, String currency, Long companyId, Long storeId,
                             PaymentMethod paymentMethod, String receiptNumber, String orderReference, Long purchaseId,
                             Instant periodFrom, Instant periodTo, Instant refundedAt, Instant soldAt) {

    /** Whether the sale started the membership or renewed it. */
    public enum Kind { STARTED, RENEWED }

    /**
     * What a grant knows of its sale before it is written; {@code grantKey} makes the grant happen once;
     * {@code buyerTaxCode} is the codice fiscale the buyer gave for the invoice (null: none).
     */
    public record Facts(String grantKey, MembershipSource source, BigDecimal amount, Long companyId, Long storeId,
                        PaymentMethod paymentMethod, String receiptNumber, String orderReference, Long purchaseId,
                        String actor, String buyerTaxCode) {
    }
}
