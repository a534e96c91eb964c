package org.loyaltyhub.programs;

/** Reads a member's status now (tier, badges, membership plan): what rewards and campaigns restrict by. */
public interface MemberStatuses {

    MemberStatus of(long circuitId, long memberId);
}
