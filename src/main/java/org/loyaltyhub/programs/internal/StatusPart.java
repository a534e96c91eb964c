package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MemberStatus;

/** One part of a member's status (the tier, the badges, the plan), added to what the other parts made. */
public interface StatusPart {

    MemberStatus contribute(long circuitId, long memberId, MemberStatus soFar);
}
