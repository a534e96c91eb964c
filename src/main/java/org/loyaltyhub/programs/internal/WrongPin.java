package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A gift card's PIN did not match; the card locks after five in a row. */
public class WrongPin extends LoyaltyException {

    public WrongPin(int attemptsLeft) {
        super("wrong-pin", Failure.REFUSED, "The PIN does not match this gift card; " + attemptsLeft
                + " more wrong PINs lock it for 15 minutes");
        with("attemptsLeft", attemptsLeft);
    }
}
