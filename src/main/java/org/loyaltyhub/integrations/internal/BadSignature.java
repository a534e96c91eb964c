package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A delivery refused: its signature is missing or wrong. */
public final class BadSignature extends LoyaltyException {

    public BadSignature(String detail) {
        super("bad-signature", Failure.UNAUTHENTICATED, detail);
    }
}
