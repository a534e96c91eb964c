package org.loyaltyhub.programs;

import org.loyaltyhub.shared.Money;

import java.time.Instant;

/**
 * A paid membership was sold to a member (a start or a renewal: {@code renewal}), published once per sale in its
 * transaction, for its invoice: what was paid (VAT included), the period it bought, the plan's name, and the tax code
 * (codice fiscale) the buyer gave for the document, if any. A sale replayed is not published again.
 */
public record MembershipSold(long circuitId, long saleId, long memberId, String planName, boolean renewal, Money paid,
                             Instant periodFrom, Instant periodTo, String taxCode) {
}
