package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.TierStanding;
import org.loyaltyhub.programs.internal.Tier;
import org.loyaltyhub.programs.internal.TierAdmin;
import org.loyaltyhub.programs.Tiers;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the tier fragments show (member page, counter, customer area): read with a bean call in the fragment,
 * {@code @tierViews.of(circuitId, memberId)}. {@code enabled} is false when the circuit has no tiers.
 */
@Component("tierViews")
public class TierViews {

    private final Tiers tiers;
    private final TierAdmin admin;

    TierViews(Tiers tiers, TierAdmin admin) {
        this.tiers = tiers;
        this.admin = admin;
    }

    /** A member's standing, the circuit's tiers (for the manual form) and the manual tier if any. */
    public record View(boolean enabled, TierStanding standing, List<Tier> tiers, TierAdmin.Manual manual) {

        /** Whether the basis counts money (the missing amount is shown with decimals). */
        public boolean money() {
            return standing != null && standing.basis() == TierStanding.Basis.AMOUNT_SPENT;
        }
    }

    public View of(long circuitId, long memberId) {
        TierStanding standing = tiers.standing(circuitId, memberId).orElse(null);
        if (standing == null) {
            return new View(false, null, List.of(), null);
        }
        return new View(true, standing, admin.tiersOf(circuitId), admin.manualOf(circuitId, memberId));
    }
}
