package org.loyaltyhub.programs;

/**
 * A member's tier changed (up, down, set or ended by an administrator), published in the transaction of the change
 * for notifications. Ids and names are null for "no tier"; {@code from} and {@code to} are the English names (the
 * status history's), {@code toName} the new tier's name in each language for messages to the member; {@code reason}
 * explains the change ("Gold since 2026-03-02: 1,520 points in 12 months").
 */
public record TierChanged(long circuitId, long memberId, StatusEventKind kind, Long fromTierId, String from,
                          Long toTierId, String to, String reason, MemberStatus.Names toName) {
}
