package org.loyaltyhub.programs;

import java.util.List;

/**
 * Segments as programs' promotions, schedules and other modules see them; implemented by the marketing module (programs
 * must not depend on marketing, which asks programs to award).
 */
public interface SegmentMembers {

    /** Whether the segment exists in the circuit. */
    boolean exists(long circuitId, long segmentId);

    /** Whether the member is in the circuit's segment now; false for an unknown segment or another circuit's. */
    boolean contains(long circuitId, long segmentId, long memberId);

    /**
     * The ids of all the segment's members now, ascending, from one evaluation of the segment (a job that walks them
     * all, rather than asking {@link #contains} member by member); empty for an unknown segment.
     */
    long[] all(long circuitId, long segmentId);

    /** The ids of the segment's members now, ascending, after {@code afterMemberId}, at most {@code limit} (paging). */
    List<Long> members(long circuitId, long segmentId, long afterMemberId, int limit);

    /** The circuit's segments by name, for the forms that choose one (a promotion's target). */
    List<Named> named(long circuitId);

    /** A segment as a choice in a form. */
    record Named(long id, String name) {
    }
}
