package org.loyaltyhub.ledger;

import java.time.LocalDate;

/**
 * Value of one purpose that entries of a company ({@code companyId}, null for the circuit's own) took from lots a
 * company issued ({@code issuerCompanyId}, null for the circuit) on one UTC day: positive when taken from members'
 * lots, negative when given back to them.
 */
public record LotFlow(LocalDate day, Long issuerCompanyId, Long companyId, Purpose purpose, long amount) {
}
