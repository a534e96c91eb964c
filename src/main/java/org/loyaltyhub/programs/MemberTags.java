package org.loyaltyhub.programs;

import java.util.List;

/** Tags on members, given by promotions and funnels (effect "tag"), readable by segments and pages. */
public interface MemberTags {

    /** The member's tags, alphabetically. */
    List<String> of(long circuitId, long memberId);

    /** Whether the member has the tag. */
    boolean has(long circuitId, long memberId, String tag);
}
