package org.loyaltyhub.billing.internal;

import org.loyaltyhub.billing.DocumentKind;
import org.loyaltyhub.billing.InvoiceBuyer;
import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A pro-forma document as issued: its kind (invoice, simplified invoice, credit note), both parties as they were
 * then, its lines and totals; a credit note names the number of the document it cancels ({@code credits}, else null).
 */
public record Invoice(long id, String number, int year, DocumentKind kind, Instant issuedAt, BigDecimal vatRate,
                      Money net, Money vat, Money total, BillingDetails seller, InvoiceBuyer buyer, List<Line> lines,
                      String credits) {

    public Invoice {
        lines = List.copyOf(lines);
        if ((kind == DocumentKind.CREDIT_NOTE) != (credits != null)) {
            throw new IllegalArgumentException("a credit note, and only a credit note, names what it credits");
        }
    }

    public record Line(InvoiceSource source, long sourceId, String description, Money net, Money vat) {
    }

    /** The company billed, or null for a person: the API's field since the first invoices. */
    @com.fasterxml.jackson.annotation.JsonProperty("companyId")
    public Long companyId() {
        return buyer instanceof InvoiceBuyer.Company c ? c.companyId() : null;
    }

    /** The name of its PDF, e.g. {@code invoice-2026-0001.pdf}. */
    public String fileName() {
        return "invoice-" + number.replace('/', '-') + ".pdf";
    }

    /** Whether the caller may see it: a circuit administrator any; a company administrator their company's. */
    boolean visibleTo(org.loyaltyhub.tenancy.Caller caller) {
        return switch (buyer) {
            case InvoiceBuyer.Company c -> caller.coversCompany(c.companyId());
            case InvoiceBuyer.Person p -> caller.isCircuitAdmin();
        };
    }
}
