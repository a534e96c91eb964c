package org.loyaltyhub.programs;

import java.time.Instant;

/**
 * A member's membership started, was renewed, shortened by a refund or ended, published in the transaction of the
 * change for messages and analytics. {@code endsAt} is its end after the change (when it ended: when it did).
 */
public record MembershipChanged(long circuitId, long memberId, long membershipId, long planId, StatusEventKind kind,
                                Instant endsAt) {
}
