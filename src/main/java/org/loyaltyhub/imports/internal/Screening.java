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
 * Goes through a file's rows in order, refusing what {@link RowReader} refuses and what repeats an e-mail, phone,
 * card or shop id of an earlier line; what the circuit already holds is asked of {@code existing} (the members module).
 * The dry run and the real run both screen from the first line, so they refuse the same rows.
 */
final class Screening {

    /** For each member, in order, which of their keys already belong to a member of the circuit. */
    interface Existing {
        List<Set<MemberKey>> taken(List<MovingMember> members);
    }

    private final RowReader reader;
    private final Existing existing;
    private final Set<String> seen = new HashSet<>();

    Screening(RowReader reader, Existing existing) {
        this.reader = reader;
        this.existing = existing;
    }

    /**
     * The rows, in order, or the reasons each is refused; the database is asked once for all of them ({@code
     * checkExisting} false skips it: rows already done).
     */
    List<RowReader.Outcome> next(List<CsvFile.Record> records, boolean checkExisting) {
        List<RowReader.Outcome> outcomes = new ArrayList<>(records.size());
        List<Integer> unseen = new ArrayList<>();
        for (CsvFile.Record record : records) {
            RowReader.Outcome outcome = reader.read(record);
            if (outcome instanceof RowReader.Accepted(ImportRow row)) {
                List<RowError> errors = inFile(row);
                if (!errors.isEmpty()) {
                    outcome = new RowReader.Refused(errors);
                } else if (checkExisting) {
                    unseen.add(outcomes.size());
                }
            }
            outcomes.add(outcome);
        }
        if (!unseen.isEmpty()) {
            List<Set<MemberKey>> taken = existing.taken(unseen.stream()
                    .map(i -> ((RowReader.Accepted) outcomes.get(i)).row().member()).toList());
            for (int k = 0; k < unseen.size(); k++) {
                if (!taken.get(k).isEmpty()) {
                    int line = ((RowReader.Accepted) outcomes.get(unseen.get(k))).row().line();
                    outcomes.set(unseen.get(k), new RowReader.Refused(taken.get(k).stream()
                            .map(key -> new RowError(line, column(key), RowFlaw.ALREADY_A_MEMBER)).toList()));
                }
            }
        }
        return outcomes;
    }

    /** What repeats an e-mail, phone, card number or shop id of an earlier line. */
    private List<RowError> inFile(ImportRow row) {
        MovingMember m = row.member();
        List<RowError> errors = new ArrayList<>();
        once(row.line(), "email:" + lower(m.email()), m.email(), ImportColumn.EMAIL, errors);
        once(row.line(), "phone:" + m.phone(), m.phone(), ImportColumn.PHONE, errors);
        once(row.line(), "card:" + m.cardNumber(), m.cardNumber(), ImportColumn.CARD_NUMBER, errors);
        for (var x : m.externalIds()) {
            once(row.line(), "shop:" + x.connection() + "\n" + x.externalId(), x.externalId(),
                    ImportColumn.SHOP_CUSTOMER_ID, errors);
        }
        return List.copyOf(errors);
    }

    private static ImportColumn column(MemberKey key) {
        return switch (key) {
            case EMAIL -> ImportColumn.EMAIL;
            case PHONE -> ImportColumn.PHONE;
            case CARD_NUMBER -> ImportColumn.CARD_NUMBER;
            case SHOP_ID -> ImportColumn.SHOP_CUSTOMER_ID;
        };
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
