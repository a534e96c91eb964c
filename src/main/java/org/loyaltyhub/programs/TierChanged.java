package org.loyaltyhub.programs;

/**
 * A member's tier changed (up, down, set or ended by an administrator), published in the transaction of the change
 * for notifications. Ids and names are null for "no tier"; {@code reason} explains the change
 * ("Gold since 2026-03-02: 1,520 points in 12 months").
 */
public record TierChanged(long circuitId, long memberId, StatusEventKind kind, Long fromTierId, String from,
                          Long toTierId, String to, String reason) {
}
