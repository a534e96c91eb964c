package org.loyaltyhub.members;

/** A customer who signed up online confirmed their e-mail address (once per member). */
public record MemberSignUpConfirmed(long circuitId, long memberId, Long companyId, Long storeId) {
}
