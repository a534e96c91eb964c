package org.loyaltyhub.programs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where a member stands in the circuit's tiers, for the customer area, the storefront widget and the back office:
 * the tier in force (null: none yet), since when and until when it is kept (null: open), whether an administrator
 * set it, and the progress towards the next tier ({@code next} null at the top).
 */
public record TierStanding(Level tier, LocalDate since, LocalDate keptUntil, boolean manual, String explanation,
                           Basis basis, BigDecimal counted, Level next, BigDecimal missing, int progressPercent) {

    /** What members qualify on: the unit of thresholds and of "what is missing". */
    public enum Basis { POINTS_EARNED, AMOUNT_SPENT, VISITS }

    /** A tier as shown: names, colour, optional icon (an emoji or short text), threshold and benefits. */
    public record Level(long id, MemberStatus.Names name, String colour, String icon, BigDecimal threshold,
                        MemberStatus.Names benefits) {
    }
}
