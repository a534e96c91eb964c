package org.loyaltyhub.programs.internal.badges;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A circuit's badges ordered by their point ranges, which never overlap (seed 004: "Punti (Da/A)"): a member holds
 * the badge whose range contains their points, has unlocked it and every badge below, and the next badge is the
 * lowest one above.
 */
public final class BadgeLadder {

    private final List<Badge> badges;

    public BadgeLadder(List<Badge> badges) {
        this.badges = badges.stream().sorted(Comparator.comparingLong(b -> b.range().from())).toList();
        for (int i = 1; i < this.badges.size(); i++) {
            if (this.badges.get(i - 1).range().overlaps(this.badges.get(i).range())) {
                throw new IllegalStateException("overlapping badges in a ladder: " + this.badges.get(i - 1).id()
                        + " and " + this.badges.get(i).id());
            }
        }
    }

    public List<Badge> badges() {
        return badges;
    }

    /**
     * Refuses {@code range} for the badge {@code id} (null: a new badge) when it overlaps another badge, naming it.
     */
    public void checkFits(Long id, PointRange range) {
        for (Badge other : badges) {
            if ((id == null || other.id() != id) && other.range().overlaps(range)) {
                throw new OverlappingBadge(range, other);
            }
        }
    }

    /** The badge whose range contains {@code points}. */
    public Optional<Badge> held(long points) {
        return badges.stream().filter(b -> b.range().contains(points)).findFirst();
    }

    /** The badges reached: those whose range starts at or below {@code points}. */
    public List<Badge> unlocked(long points) {
        return badges.stream().filter(b -> b.range().from() <= points).toList();
    }

    /** The lowest badge not reached yet. */
    public Optional<Badge> next(long points) {
        return badges.stream().filter(b -> b.range().from() > points).findFirst();
    }

    /** True when moving from {@code before} to {@code after} goes down the ladder (or off it). */
    public static boolean isLoss(Badge before, Badge after) {
        return before != null && (after == null || after.range().from() < before.range().from());
    }
}
