package org.loyaltyhub.members;

/** A new member joined the circuit, at a company (and store) or online. */
public record MemberEnrolled(long circuitId, long memberId, Long companyId, Long storeId, String actor) {
}
