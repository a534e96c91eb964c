package org.loyaltyhub.passes;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A device or link presented no token, or not the pass's own (Apple's web service answers 401). */
public class PassNotAuthorised extends LoyaltyException {

    public PassNotAuthorised() {
        super("pass-not-authorised", Failure.UNAUTHENTICATED, "This pass's authentication token is missing or wrong");
    }
}
