package org.loyaltyhub.imports;

/** One reason a row is refused: its line in the file (the header is line 1), the column if one, and the flaw. */
public record RowError(int line, CsvColumn column, RowFlaw flaw) {

    /** In English, as the refused rows' report and the API write it. */
    public String describe() {
        return (column == null ? "" : column.header() + ": ") + flaw.english();
    }
}
