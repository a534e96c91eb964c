package org.loyaltyhub.programs;

/**
 * A member's status changed (tier, badge, membership), published in the transaction of the change for messages and
 * analytics. {@code from}/{@code to} are the names before and after (null: none).
 */
public record MemberStatusChanged(long circuitId, long memberId, long eventId, StatusEventKind kind, String from,
                                  String to, String reason) {
}
