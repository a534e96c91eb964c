package org.loyaltyhub.programs.internal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A member's status that multiplies the points a purchase earns (a tier's 1.5x, a membership plan's 2x). The
 * multipliers of every boost apply together (1.5 × 2 = 3), fixed on the purchase when it is first recorded.
 */
public interface EarningBoost {

    Optional<Multiplier> earning(long circuitId, long memberId);

    /** {@code factor} ≥ 1 (at most 4 decimals); {@code label} names it in the movement's reason ("Gold ×1.5"). */
    record Multiplier(BigDecimal factor, String label) {
        public Multiplier {
            if (factor == null || factor.signum() <= 0 || factor.scale() > 4) {
                throw new IllegalArgumentException("a multiplier is positive with at most 4 decimals: " + factor);
            }
        }
    }
}
