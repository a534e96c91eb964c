package org.loyaltyhub.billing.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * A VAT number's shape, checked loosely: a two-letter country prefix then 2 to 13 digits or letters (EU VIES shape);
 * an Italian one (IT) has exactly 11 digits. Spaces, dots and dashes typed in between are dropped. No checksum, no
 * registry lookup: this catches typos, not fraud.
 */
public final class VatNumber {

    private VatNumber() {
    }

    /** The number in its normal form (upper case, no separators), or empty when its shape is wrong. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String v = typed.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z]{2}[A-Z0-9]{2,13}")) {
            return Optional.empty();
        }
        if (v.startsWith("IT") && !v.matches("IT[0-9]{11}")) {
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
