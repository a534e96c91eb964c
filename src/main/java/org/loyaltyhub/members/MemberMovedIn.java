package org.loyaltyhub.members;

/**
 * A member came over from another loyalty system (an import), published within {@link MembersMovedIn}. Unlike
 * {@link MemberEnrolled} it earns no registration points and enters no enrolment funnel: they joined long ago,
 * elsewhere.
 */
public record MemberMovedIn(long circuitId, long memberId, Long companyId, String actor) {
}
