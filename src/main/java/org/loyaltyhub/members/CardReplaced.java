package org.loyaltyhub.members;

/** A member's card was blocked and a new number issued to them (a lost card): for notifications and segments. */
public record CardReplaced(long circuitId, long memberId, String oldNumber, String newNumber, CardBlockReason reason,
                           String actor) {
}
