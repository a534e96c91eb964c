package org.loyaltyhub.shared;

/** The record does not exist, or it exists outside what the caller may see (which must look the same). */
public class NotFound extends LoyaltyException {

    public NotFound(String what, Object id) {
        super("not-found", Failure.NOT_FOUND, what + " " + id + " not found");
    }
}
