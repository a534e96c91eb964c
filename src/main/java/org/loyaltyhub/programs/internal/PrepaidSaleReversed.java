package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.LoyaltyException;

/** A sale is undone once: voided, or its remainder refunded; a different second request is refused. */
public class PrepaidSaleReversed extends LoyaltyException {

    public PrepaidSaleReversed(PrepaidReversal.Kind earlier) {
        super("prepaid-sale-reversed", 409, earlier == PrepaidReversal.Kind.VOID
                ? "This sale was voided already" : "What was left of this sale was refunded already");
    }
}
