package org.loyaltyhub.marketing;

import java.util.List;

/** What a segment selects: its groups, joined by {@code match}; each group's conditions joined by the group's match. */
public record SegmentDefinition(Match match, List<Group> groups) {

    public static final int MAX_GROUPS = 10;
    public static final int MAX_CONDITIONS = 20;

    public SegmentDefinition {
        groups = List.copyOf(groups);
        if (match == null || groups.isEmpty() || groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("a segment has a match and 1 to " + MAX_GROUPS + " groups");
        }
    }

    /** Conditions joined by ALL or ANY. */
    public record Group(Match match, List<Condition> conditions) {
        public Group {
            conditions = List.copyOf(conditions);
            if (match == null || conditions.isEmpty() || conditions.size() > MAX_CONDITIONS) {
                throw new IllegalArgumentException("a group has a match and 1 to " + MAX_CONDITIONS + " conditions");
            }
        }
    }
}
