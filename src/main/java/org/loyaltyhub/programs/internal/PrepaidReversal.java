package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Money;

import java.time.Instant;

/**
 * How a prepaid sale was undone, once: voided (a mistaken sale, its whole credit, while untouched) or the unspent
 * remainder refunded (part or all of what is left); the journal entry that did it, who, why and when.
 */
public record PrepaidReversal(long id, long saleId, Kind kind, Money amount, String reason, long entryId, String actor,
                              Instant at) {

    public enum Kind { VOID, REFUND }

    public PrepaidReversal {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a reversal gives back something");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reversal says why");
        }
    }
}
