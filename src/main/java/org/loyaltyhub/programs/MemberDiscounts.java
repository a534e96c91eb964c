package org.loyaltyhub.programs;

import java.util.Optional;

/** The discount a member's status gives at the counter now (their membership plan's), for the sale preview. */
public interface MemberDiscounts {

    Optional<MemberDiscount> atCounter(long circuitId, long memberId);
}
