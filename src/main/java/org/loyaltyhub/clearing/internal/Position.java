package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.Money;

/** After netting a pair's flows both ways: {@code debtor} owes {@code creditor} a positive {@code amount}. */
public record Position(Party debtor, Party creditor, Money amount) {

    public Position {
        if (debtor.equals(creditor) || !amount.isPositive()) {
            throw new IllegalArgumentException("a position is a positive amount between two parties");
        }
    }

    public boolean involves(Party party) {
        return debtor.equals(party) || creditor.equals(party);
    }
}
