package org.loyaltyhub.shared;

/** The caller's role does not allow the action. */
public class Forbidden extends LoyaltyException {

    public Forbidden(String message) {
        super("forbidden", Failure.FORBIDDEN, message);
    }
}
