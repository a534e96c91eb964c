package org.loyaltyhub.marketing;

import java.util.List;

/** A segment evaluated now: how many members it has and one page of them (ids ascending, after a given id). */
public record SegmentCount(long total, List<SegmentMember> page) {

    public SegmentCount {
        page = List.copyOf(page);
    }

    /** A member as a segment's list shows them. */
    public record SegmentMember(long id, String firstName, String lastName, String email, String city) {
    }

    /** The id to ask the next page after (null: this was the last page). */
    public Long next(int limit) {
        return page.size() < limit ? null : page.getLast().id();
    }
}
