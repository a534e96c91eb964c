package org.loyaltyhub.members;

import org.loyaltyhub.tenancy.Caller;

/** What other modules ask of members: find one the caller may act on, and note a company relationship. */
public interface Members {

    /** The member named by the identifier, if the caller may act on them; otherwise a 404. */
    Member identify(Caller caller, MemberIdentifier identifier);

    /** Like {@link #identify} but returns only the member's id: what a till needs on the hot path. */
    long resolve(Caller caller, MemberIdentifier identifier);

    /** A member the caller may see (a 404 otherwise). */
    Member visible(Caller caller, long memberId);

    /** Records that the member now deals with the company (it may then see the member when companies are kept apart). */
    void relate(long circuitId, long memberId, long companyId);
}
