package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.Money;

import java.time.Instant;

/**
 * A company's request for budget points: what it asked for, at what price (fixed when asked), and the circuit's
 * decision. {@code invoiceNumber} is set once an approved, priced request has been invoiced.
 */
public record RechargeRequest(long id, long companyId, String companyName, long points, Money price, String note,
                              RechargeStatus status, String requestedBy, Instant requestedAt, String decidedBy,
                              Instant decidedAt, String reason, Long invoiceId, String invoiceNumber) {
}
