package org.loyaltyhub.programs;

/**
 * A member earned a badge, moved to another or lost theirs, published in the transaction of the change (for messages
 * and analytics). Ids and names are null when there is no badge on that side; {@code from} and {@code to} are the
 * English names (the status history's), {@code toName} the new badge's name in each language for messages to the
 * member; {@code reason} explains the change ("Silver since 2026-03-02: 1,520 points in 12 months").
 */
public record BadgeChanged(long circuitId, long memberId, StatusEventKind kind, Long fromBadgeId, String from,
                           Long toBadgeId, String to, String reason, MemberStatus.Names toName) {
}
