package org.loyaltyhub.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads cells as Italian and English spreadsheets write them: numbers with a decimal comma and dots between
 * thousands ({@code 1.234,56}) or the other way round ({@code 1,234.56}); dates as {@code dd/MM/yyyy},
 * {@code yyyy-MM-dd}, {@code dd-MM-yyyy} or {@code d/M/yy}; yes and no in either language.
 */
final class CellValues {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"))
            .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();
    private static final DateTimeFormatter SHORT_YEAR = DateTimeFormatter.ofPattern("d/M/uu")
            .withResolverStyle(ResolverStyle.STRICT);

    private CellValues() {
    }

    /**
     * A record's cell at {@code at} as an import reads it: stripped, without the quote an export puts before what a
     * spreadsheet would take for a formula ({@code CsvCells}); null when blank or absent.
     */
    static String cell(CsvFile.Record record, Integer at) {
        if (at == null || at >= record.cells().size()) {
            return null;
        }
        String cell = record.cells().get(at).strip();
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0) {
            cell = cell.substring(1);
        }
        return cell.isEmpty() ? null : cell;
    }

    /** A number, or empty when the cell is not one. */
    static Optional<BigDecimal> number(String cell) {
        String s = cell.strip().replace(" ", "").replace("\u00A0", "").replace("'", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.matches("-?\\d{1,3}(,\\d{3}){2,}") ? s.replace(",", "") : s.replace(',', '.');
        } else if (dot >= 0 && s.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            s = s.replace(".", ""); // Italian thousands: 1.234 is one thousand two hundred thirty-four
        }
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    /**
     * A date in one of the accepted formats; a two-digit year is this century's unless that would be after
     * {@code today}, then the last century's (birth dates).
     */
    static Optional<LocalDate> date(String cell, LocalDate today) {
        String s = cell.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(s, f));
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        try {
            LocalDate d = LocalDate.parse(s, SHORT_YEAR);
            int year = 2000 + d.getYear() % 100;
            LocalDate dated = d.withYear(year);
            return Optional.of(dated.isAfter(today) ? dated.minusYears(100) : dated);
        } catch (java.time.DateTimeException no) {
            return Optional.empty();
        }
    }

    /** True for yes (si, sì, yes, y, s, true, 1, x), false for no (no, n, false, 0), empty otherwise. */
    static Optional<Boolean> yesNo(String cell) {
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "si", "sì", "yes", "y", "s", "true", "vero", "1", "x" -> Optional.of(true);
            case "no", "n", "false", "falso", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
