package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.InvalidInput;

/** A badge's range overlaps another badge of the circuit, which it names. */
public class OverlappingBadge extends InvalidInput {

    private final transient Badge other;

    OverlappingBadge(PointRange range, Badge other) {
        super("pointsFrom", "The range " + range + " overlaps the badge \"" + other.names().en() + "\" ("
                + other.range() + ")");
        this.other = other;
    }

    public Badge other() {
        return other;
    }
}
