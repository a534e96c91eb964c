package org.loyaltyhub.integrations.internal;

import java.time.Instant;

/**
 * A webhook a shop delivered (or an order the reconciliation fetched), stored before it is processed.
 * {@code givenUp}: it failed for a reason that retrying cannot change, and will not be tried again by itself.
 */
public record Delivery(long id, long circuitId, long connectionId, Platform platform, String topic, String dedupeKey,
                       byte[] body, String headers, Status status, int attempts, String lastError, String outcome,
                       Instant receivedAt, Instant processedAt, boolean givenUp) {

    public enum Status {
        RECEIVED, PROCESSED, FAILED, IGNORED
    }
}
