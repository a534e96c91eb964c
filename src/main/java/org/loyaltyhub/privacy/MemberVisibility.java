package org.loyaltyhub.privacy;

import org.loyaltyhub.tenancy.Caller;

/**
 * Whether a caller may act on a member: implemented by the members module (which depends on this one), so the
 * rule of who sees whom stays in one place.
 */
public interface MemberVisibility {

    /** Refuses with a 404 a member the caller may not see. */
    void requireVisible(Caller caller, long memberId);
}
