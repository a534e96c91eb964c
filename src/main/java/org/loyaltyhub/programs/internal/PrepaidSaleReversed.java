package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/**
 * A voided sale is undone for good; a refunded one is no longer voided; a second refund asked without a request key is
 * taken for a retry of the first, and refused when it differs (each refund of several has its own key).
 */
public class PrepaidSaleReversed extends LoyaltyException {

    public PrepaidSaleReversed(PrepaidReversal.Kind earlier) {
        super("prepaid-sale-reversed", Failure.CONFLICT, earlier == PrepaidReversal.Kind.VOID
                ? "This sale was voided already" : "What was left of this sale was refunded already");
    }

    private PrepaidSaleReversed(String detail) {
        super("prepaid-sale-reversed", Failure.CONFLICT, detail);
    }

    /** A second refund without a request key that is not the first one again. */
    static PrepaidSaleReversed refundedWithoutKey() {
        return new PrepaidSaleReversed("This sale was refunded already; to refund more of what is left, send each "
                + "refund with its own Idempotency-Key");
    }
}
