package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Money;

import java.time.Instant;

/**
 * How a prepaid sale was undone: voided once (a mistaken sale, its whole credit, while untouched) or its unspent
 * remainder refunded, in one or several refunds (part or all of what is left each time); the journal entry that did
 * it, who, why and when, and the key of the request that asked it (null: asked without a key, once per sale).
 */
public record PrepaidReversal(long id, long saleId, Kind kind, Money amount, String reason, long entryId, String actor,
                              Instant at, String requestKey) {

    public enum Kind { VOID, REFUND }

    public PrepaidReversal {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a reversal gives back something");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reversal says why");
        }
        if (requestKey != null && (requestKey.isEmpty() || requestKey.length() > 200)) {
            throw new IllegalArgumentException("a request key has 1 to 200 characters");
        }
    }
}
