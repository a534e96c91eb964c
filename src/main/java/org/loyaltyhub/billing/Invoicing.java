package org.loyaltyhub.billing;

import org.loyaltyhub.shared.Money;

import java.util.List;

/**
 * Issuing a pro-forma invoice to a company of the circuit, for things it bought (a budget recharge, later paid
 * memberships and SMS credits). Each source is invoiced once: issuing again for the same source returns the first.
 */
public interface Invoicing {

    /** One thing billed: its source (kind and id), a description, the amount before VAT. */
    record Line(InvoiceSource source, long sourceId, String description, Money net) {
    }

    /** Issues (or finds) the invoice of these lines; returns its number, e.g. {@code 2026/0001}. */
    String issue(long circuitId, long companyId, List<Line> lines);
}
