package org.loyaltyhub.billing.internal;

import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A pro-forma invoice as issued: both parties' details as they were then, its lines and totals. */
public record Invoice(long id, String number, int year, long companyId, Instant issuedAt, BigDecimal vatRate,
                      Money net, Money vat, Money total, BillingDetails seller, BillingDetails buyer,
                      List<Line> lines) {

    public record Line(InvoiceSource source, long sourceId, String description, Money net, Money vat) {
    }
}
