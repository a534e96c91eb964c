package org.loyaltyhub.shared.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV cells as spreadsheets read them safely: quoted when they hold a separator, a quote or a line break, and
 * prefixed with an apostrophe when they start like a formula ({@code = + - @}, tab or carriage return), so opening
 * the export never runs anything.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(";")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public static String row(List<String> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
    }
}
