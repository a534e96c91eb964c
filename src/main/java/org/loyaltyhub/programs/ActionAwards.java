package org.loyaltyhub.programs;

import org.loyaltyhub.tenancy.Caller;

/** Fixed points for what a member does outside a purchase, as other modules (the shop integrations) report it. */
public interface ActionAwards {

    /**
     * Awards the program's review points for the review named by {@code reference}, once per reference (or once
     * ever, as the program says). Returns the points posted: 0 when the program gives none or they were given.
     */
    long review(Caller caller, long memberId, String reference);
}
