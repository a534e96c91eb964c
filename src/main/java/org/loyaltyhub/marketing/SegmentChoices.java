package org.loyaltyhub.marketing;

import org.loyaltyhub.programs.MemberStatus;

import java.util.List;

/** What the editor offers for the circuit's id fields: its tiers, badges, membership plans and stores, by name. */
public record SegmentChoices(List<Choice> tiers, List<Choice> badges, List<Choice> plans, List<Choice> stores) {

    /** An id and its name in each language. */
    public record Choice(long id, MemberStatus.Names name) {
    }

    public boolean exists(SegmentField field, long id) {
        List<Choice> among = switch (field) {
            case TIER -> tiers;
            case BADGE -> badges;
            case PLAN -> plans;
            case ENROLMENT_STORE, PREFERRED_STORE, MOST_VISITED_STORE -> stores;
            default -> List.of();
        };
        return among.stream().anyMatch(c -> c.id() == id);
    }
}
