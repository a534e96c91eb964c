package org.loyaltyhub.privacy;

import java.time.Instant;

/**
 * The record of an erasure: who, when, why, and the points forfeited; never what was erased. The member stays as an
 * anonymous id so the books and reports still add up.
 */
public record Erasure(long circuitId, long memberId, ErasureSource source, String actor, String reason,
                      long forfeitedPoints, Instant erasedAt) {

    public Erasure {
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an erasure names who asked for it and why");
        }
    }
}
