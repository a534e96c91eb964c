package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.InvalidInput;

/** Points from {@code from} to {@code to}, both included; no {@code to} for the top of the ladder. */
public record PointRange(long from, Long to) {

    public PointRange {
        if (from < 0) {
            throw new InvalidInput("pointsFrom", "must be zero or more");
        }
        if (to != null && to < from) {
            throw new InvalidInput("pointsTo", "must be at least the points from (" + from + ")");
        }
    }

    public boolean contains(long points) {
        return points >= from && (to == null || points <= to);
    }

    public boolean overlaps(PointRange other) {
        return (to == null || other.from <= to) && (other.to == null || from <= other.to);
    }

    @Override
    public String toString() {
        return to == null ? from + "+" : from + "–" + to;
    }
}
