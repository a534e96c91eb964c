package org.loyaltyhub.members;

/**
 * A new member joined the circuit, at a company (and store) or online. A customer who signed up online
 * {@code awaitsConfirmation} of their e-mail address: {@link MemberSignUpConfirmed} follows once they confirm it.
 */
public record MemberEnrolled(long circuitId, long memberId, Long companyId, Long storeId, String actor,
                             boolean awaitsConfirmation) {
}
