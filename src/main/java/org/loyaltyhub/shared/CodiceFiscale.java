package org.loyaltyhub.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * An Italian tax code (codice fiscale) as typed by a person: 16 letters and digits in the shape of a person's code
 * (six letters, the birth year, month letter, day, the place code, a check letter; digits may be replaced by letters
 * in case of homocodes), or the 11 digits of a provisional code. Spaces are dropped, letters made upper case. The
 * check character is not verified: this catches typos of the shape, not every typo.
 */
public final class CodiceFiscale {

    private static final String DIGIT = "[0-9LMNPQRSTUV]";
    private static final String PERSON = "[A-Z]{6}" + DIGIT + "{2}[A-EHLMPR-T]" + DIGIT + "{2}[A-Z]" + DIGIT + "{3}[A-Z]";

    private CodiceFiscale() {
    }

    /** The code in its normal form, or empty when its shape is wrong (or nothing was typed). */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return code.matches(PERSON) || code.matches("[0-9]{11}") ? Optional.of(code) : Optional.empty();
    }
}
