package org.loyaltyhub.imports;

import java.util.List;

/**
 * What a file would import, nothing written: rows read, how many would become members and how many would be
 * refused, the points of the opening balances, the first errors with their lines, and header cells that name no
 * column (ignored).
 */
public record DryRun(String encoding, String separator, int rows, int accepted, int refused, long points,
                     List<RowError> firstErrors, List<String> ignoredColumns) {

    /** How many errors a dry run lists (the counts cover all). */
    public static final int ERRORS_SHOWN = 50;
}
