package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.CsvCells;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A report as CSV: one row per gross line ({@code flow}: issuer, redeemer, purpose, units, value) and one per
 * position after netting ({@code position}: debtor, creditor, amount), the period on every row.
 */
public final class ClearingCsv {

    private ClearingCsv() {
    }

    public static void write(ClearingReport r, Writer out) throws IOException {
        out.write(CsvCells.row(List.of("row", "first_day", "last_day", "from_party", "to_party", "purpose", "units",
                "value", "currency")));
        String first = r.period().first().toString();
        String last = r.period().last().toString();
        for (ClearingReport.Line l : r.lines()) {
            out.write(CsvCells.row(List.of("flow", first, last, r.name(l.issuer()), r.name(l.redeemer()),
                    l.purpose().name(), String.valueOf(l.amount()), l.value().display().toPlainString(), r.currency())));
        }
        for (Position p : r.positions()) {
            out.write(CsvCells.row(List.of("position", first, last, r.name(p.debtor()), r.name(p.creditor()), "", "",
                    p.amount().display().toPlainString(), r.currency())));
        }
        out.flush();
    }
}
