package org.loyaltyhub.programs.internal;

import java.util.Optional;

/** A member's status that makes their points worth more at redemption (a tier's better rate, a badge's discount). */
public interface RedemptionBoost {

    Optional<RedemptionPolicy.Bonus> redemption(long circuitId, long memberId);
}
