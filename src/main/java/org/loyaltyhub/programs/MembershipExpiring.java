package org.loyaltyhub.programs;

import java.time.Instant;

/**
 * A membership ends in a week or less and nothing renewed it yet: published once per end date, for the message that
 * invites the member to renew.
 */
public record MembershipExpiring(long circuitId, long memberId, long membershipId, Instant endsAt) {
}
