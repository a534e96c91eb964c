package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.ImportColumn;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.members.MemberKey;
import org.loyaltyhub.members.MovingMember;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Goes through a file's rows in order, refusing what {@link RowReader} refuses and what repeats an e-mail, phone
 * or card of an earlier line; what the circuit already holds is asked of {@code existing} (the members module).
 * The dry run and the real run both screen from the first line, so they refuse the same rows.
 */
final class Screening {

    /** Which of a member's keys already belong to a member of the circuit. */
    interface Existing {
        Set<MemberKey> taken(MovingMember member);
    }

    private final RowReader reader;
    private final Existing existing;
    private final Set<String> seen = new HashSet<>();

    Screening(RowReader reader, Existing existing) {
        this.reader = reader;
        this.existing = existing;
    }

    /** The row, or the reasons it is refused; {@code checkExisting} false skips the database (rows already done). */
    RowReader.Outcome next(CsvFile.Record record, boolean checkExisting) {
        RowReader.Outcome outcome = reader.read(record);
        if (!(outcome instanceof RowReader.Accepted(ImportRow row))) {
            return outcome;
        }
        MovingMember m = row.member();
        List<RowError> errors = new ArrayList<>();
        once(row.line(), "email:" + lower(m.email()), m.email(), ImportColumn.EMAIL, errors);
        once(row.line(), "phone:" + m.phone(), m.phone(), ImportColumn.PHONE, errors);
        once(row.line(), "card:" + m.cardNumber(), m.cardNumber(), ImportColumn.CARD_NUMBER, errors);
        if (errors.isEmpty() && checkExisting) {
            for (MemberKey key : existing.taken(m)) {
                errors.add(new RowError(row.line(), switch (key) {
                    case EMAIL -> ImportColumn.EMAIL;
                    case PHONE -> ImportColumn.PHONE;
                    case CARD_NUMBER -> ImportColumn.CARD_NUMBER;
                }, RowFlaw.ALREADY_A_MEMBER));
            }
        }
        return errors.isEmpty() ? outcome : new RowReader.Refused(List.copyOf(errors));
    }

    private void once(int line, String key, String value, ImportColumn column, List<RowError> errors) {
        if (value != null && !seen.add(key)) {
            errors.add(new RowError(line, column, RowFlaw.DUPLICATE_IN_FILE));
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
