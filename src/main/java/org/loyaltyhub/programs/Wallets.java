package org.loyaltyhub.programs;

import org.loyaltyhub.shared.Money;

/** What other modules (the storefront widget) read of a member's money wallets. */
public interface Wallets {

    /** The member's cashback, accumulated discounts and prepaid credit, in the circuit's currency. */
    Summary summary(long circuitId, long memberId);

    /** {@code shown}: a program is on in the circuit or the member has something in a wallet. */
    record Summary(boolean shown, boolean cashbackOn, Money cashback, Money cashbackPending, boolean discountOn,
                   Money discount, Money discountPending, boolean prepaidOn, Money prepaid) {
    }
}
