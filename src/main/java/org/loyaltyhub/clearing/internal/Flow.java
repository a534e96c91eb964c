package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.Purpose;

/**
 * Value of one purpose issued by {@code issuer} and redeemed at {@code redeemer} over a period, net of what was given
 * back: points, or minor units of the circuit's currency. Negative when more came back than was redeemed.
 */
public record Flow(Party issuer, Party redeemer, Purpose purpose, long amount) {

    public Flow {
        if (issuer == null || redeemer == null || purpose == null) {
            throw new IllegalArgumentException("a flow names its issuer, its redeemer and its purpose");
        }
    }

    /** Issued and redeemed by the same party: nothing to settle. */
    public boolean internal() {
        return issuer.equals(redeemer);
    }

    public boolean involves(Party party) {
        return issuer.equals(party) || redeemer.equals(party);
    }
}
