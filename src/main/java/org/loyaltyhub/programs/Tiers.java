package org.loyaltyhub.programs;

import java.util.Optional;

/** A member's tier and progress, for the customer area and the storefront widget. */
public interface Tiers {

    /** Empty when the circuit has no tiers. */
    Optional<TierStanding> standing(long circuitId, long memberId);
}
