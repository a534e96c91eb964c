package org.loyaltyhub.imports;

import org.loyaltyhub.shared.InvalidInput;

/** A file that is not a CSV LoyaltyHub can read (binary, a workbook, an unknown encoding, too large, no header). */
public class UnreadableFile extends InvalidInput {

    public UnreadableFile(String message) {
        super("file", message);
    }
}
