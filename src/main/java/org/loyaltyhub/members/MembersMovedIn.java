package org.loyaltyhub.members;

import java.util.List;

/**
 * A chunk of members came over from another loyalty system at once ({@link Members#moveIn(long, List, String)}): the
 * facts of one {@link MemberMovedIn} each, published together so that listeners can write for all of them in
 * one statement.
 */
public record MembersMovedIn(long circuitId, List<MemberMovedIn> members) {

    public MembersMovedIn {
        members = List.copyOf(members);
    }

    /** The members' ids, in the order they moved in. */
    public List<Long> memberIds() {
        return members.stream().map(MemberMovedIn::memberId).toList();
    }
}
