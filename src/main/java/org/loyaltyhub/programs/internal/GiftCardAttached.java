package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** The gift card belongs to a member now: its credit is on their prepaid account, spent from there. */
public class GiftCardAttached extends LoyaltyException {

    public GiftCardAttached(String message) {
        super("gift-card-attached", Failure.CONFLICT, message);
    }
}
