package org.loyaltyhub.programs.internal;

import java.time.Instant;

/** A member's membership in a plan, from its start to its end (extended by renewals). */
public record Membership(long id, long memberId, long planId, Instant startsAt, Instant endsAt,
                         MembershipStatus status, Instant endedAt, String endReason) {

    /** In force at {@code now}: active and not past its end (the expiry round may not have run yet). */
    public boolean inForceAt(Instant now) {
        return status == MembershipStatus.ACTIVE && endsAt.isAfter(now);
    }
}
