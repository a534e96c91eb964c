package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.Money;

import java.time.LocalDate;

/** A closed period's position between two parties, and its payment once marked. */
public record Settlement(long id, long periodId, Party debtor, Party creditor, Money amount, LocalDate paidOn,
                         String reference) {

    public boolean paid() {
        return paidOn != null;
    }

    public boolean involves(Party party) {
        return debtor.equals(party) || creditor.equals(party);
    }
}
