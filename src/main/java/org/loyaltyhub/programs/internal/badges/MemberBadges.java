package org.loyaltyhub.programs.internal.badges;

import java.time.Instant;
import java.util.List;

/**
 * A member's badges as pages and the API show them: the points counted in the circuit's window, the badge held and
 * since when, the badges unlocked and the next one with the points it still needs (null at the top of the ladder).
 */
public record MemberBadges(long points, BadgeWindow window, Badge held, Instant since, List<Badge> unlocked,
                           Badge next, Long pointsToNext) {

    public boolean any() {
        return held != null || !unlocked.isEmpty() || next != null;
    }
}
