package org.loyaltyhub.imports;

import java.text.Normalizer;
import java.util.Locale;

/** A column of an import's file: the name an export writes (English) and its Italian one. */
public interface CsvColumn {

    /** The name an export writes. */
    String header();

    String italian();

    /** A header cell as columns are matched: case, accents, spaces and dashes do not matter. */
    static String key(String header) {
        String plain = Normalizer.normalize(header == null ? "" : header.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
