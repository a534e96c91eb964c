package org.loyaltyhub.tenancy;

import java.time.Instant;

/**
 * A loyalty network: one points currency shared by its companies. A single shop is a circuit with one company.
 * Phone numbers typed without a country code belong to its {@code defaultCountry} (ISO 3166, e.g. IT).
 */
public record Circuit(long id, String name, String currency, String logoUrl, boolean companiesKeptApart,
                      boolean budgetsEnforced, Instant createdAt, String defaultCountry) {
}
