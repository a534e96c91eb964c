package org.loyaltyhub.tenancy;

import java.time.Instant;

/**
 * A loyalty network: one points currency shared by its companies. A single shop is a circuit with one company.
 * Phone numbers typed without a country code belong to its {@code defaultCountry} (ISO 3166, e.g. IT).
 */
public record Circuit(long id, String name, String currency, String logoUrl, boolean companiesKeptApart,
                      boolean budgetsEnforced, Instant createdAt, String defaultCountry) {

    /** The language a circuit's people read as far as its country tells: Italian in Italy, San Marino and the Vatican. */
    public static boolean readsItalian(String country) {
        return country != null && java.util.Set.of("IT", "SM", "VA").contains(country.toUpperCase(java.util.Locale.ROOT));
    }

    /** The locale of messages to the circuit's own staff: Italian or English, by {@link #readsItalian}. */
    public java.util.Locale staffLocale() {
        return readsItalian(defaultCountry) ? java.util.Locale.ITALIAN : java.util.Locale.ENGLISH;
    }
}
