package org.loyaltyhub.imports;

import org.loyaltyhub.shared.InvalidInput;

/**
 * A file that is not a CSV LoyaltyHub can read; {@code reason} names why (pages show {@code imports.file.<reason>}).
 * Nothing is written.
 */
public class UnreadableFile extends InvalidInput {

    /** Why a file cannot be read, with the English message of the API's problem. */
    public enum Reason {
        EMPTY("The file is empty"),
        TOO_LARGE("The file is larger than 20 MB: split it"),
        WORKBOOK("This is a workbook (.xlsx), not a CSV: save it as CSV (UTF-8) and upload that"),
        UTF16("The file is in UTF-16: save it as CSV UTF-8 (or plain CSV) and upload again"),
        NOT_TEXT("This is not a text file: upload a CSV"),
        UNKNOWN_ENCODING("The file is neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8"),
        NO_HEADER("The file has no header row: the first line names the columns"),
        NO_ROWS("The file has a header but no rows");

        private final String english;

        Reason(String english) {
            this.english = english;
        }
    }

    private final Reason reason;

    public UnreadableFile(Reason reason) {
        super("file", reason.english);
        this.reason = reason;
        with("reason", reason.name());
    }

    public Reason reason() {
        return reason;
    }
}
