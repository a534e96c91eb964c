package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** The company does not take prepaid credit or gift cards (the circuit's setting), or prepaid credit is off. */
public class PrepaidNotAccepted extends LoyaltyException {

    public PrepaidNotAccepted() {
        super("prepaid-not-accepted", Failure.REFUSED, "Prepaid credit and gift cards are not accepted at this company");
    }
}
