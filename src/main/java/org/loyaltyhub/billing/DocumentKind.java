package org.loyaltyhub.billing;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;

/**
 * Which document is issued, named as Italian practice does (all of them pro-forma here, without claiming tax
 * compliance): a {@code INVOICE} (fattura) to a company, or to a person above the simplified limit; a
 * {@code SIMPLIFIED_INVOICE} (fattura semplificata, art. 21-bis DPR 633/1972: a person's name or tax code is enough)
 * to a person for at most 400 EUR; a {@code CREDIT_NOTE} (nota di credito) that cancels a document, wholly, when what
 * it billed was refunded. All three share the issuer's numbering series.
 */
public enum DocumentKind {
    INVOICE, SIMPLIFIED_INVOICE, CREDIT_NOTE;

    /** The ceiling of a simplified invoice, VAT included (DM 10 May 2019). */
    public static final Money SIMPLIFIED_LIMIT = Money.of(BigDecimal.valueOf(400), "EUR");

    /** The document that bills {@code total} (VAT included) to this buyer. */
    public static DocumentKind billing(InvoiceBuyer buyer, Money total) {
        return switch (buyer) {
            case InvoiceBuyer.Company c -> INVOICE;
            case InvoiceBuyer.Person p -> total.currency().equals(SIMPLIFIED_LIMIT.currency())
                    && total.compareTo(SIMPLIFIED_LIMIT) <= 0 ? SIMPLIFIED_INVOICE : INVOICE;
        };
    }
}
