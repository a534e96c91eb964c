package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.PurchaseColumn;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.members.MemberIdentifier;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Goes through a past purchases' file in order: refuses what {@link PurchaseRowReader} refuses, an order that repeats
 * an earlier line's (same company, channel and order id), a member the circuit does not have, and an order recorded
 * already. The dry run and the real run both screen from the first line, so they refuse the same rows.
 */
final class PurchaseScreening {

    /** What the screening asks of the circuit: its members and purchases. */
    interface Circuit {
        Optional<Long> member(MemberIdentifier identifier);

        boolean recorded(PurchaseRow row);
    }

    /** What became of a row. */
    sealed interface Screened {
    }

    /** A row ready to write: the purchase and its member. */
    record Ready(PurchaseRow row, long memberId) implements Screened {
    }

    /** A row refused, with why. */
    record Refused(List<RowError> errors) implements Screened {
    }

    /** A row an earlier run wrote or refused already: only remembered, to find later duplicates of it. */
    record Passed() implements Screened {
    }

    private final PurchaseRowReader reader;
    private final Circuit circuit;
    private final Set<String> seen = new HashSet<>();

    PurchaseScreening(PurchaseRowReader reader, Circuit circuit) {
        this.reader = reader;
        this.circuit = circuit;
    }

    /** The row ready to write, or its errors; {@code checkCircuit} false skips the database (rows already done). */
    Screened next(CsvFile.Record record, boolean checkCircuit) {
        PurchaseRowReader.Outcome outcome = reader.read(record);
        if (outcome instanceof PurchaseRowReader.Refused(List<RowError> errors)) {
            return new Refused(errors);
        }
        PurchaseRow row = ((PurchaseRowReader.Accepted) outcome).row();
        if (!seen.add(row.companyId() + "|" + row.channel() + "|" + row.orderId())) {
            return refused(row, PurchaseColumn.ORDER_ID, RowFlaw.DUPLICATE_IN_FILE);
        }
        if (!checkCircuit) {
            return new Passed();
        }
        Optional<Long> member = circuit.member(row.member());
        if (member.isEmpty()) {
            return refused(row, column(row.member()), RowFlaw.UNKNOWN_MEMBER);
        }
        if (circuit.recorded(row)) {
            return refused(row, PurchaseColumn.ORDER_ID, RowFlaw.ALREADY_RECORDED);
        }
        return new Ready(row, member.get());
    }

    private static Refused refused(PurchaseRow row, PurchaseColumn column, RowFlaw flaw) {
        return new Refused(List.of(new RowError(row.line(), column, flaw)));
    }

    private static PurchaseColumn column(MemberIdentifier m) {
        return m.card() != null ? PurchaseColumn.CARD_NUMBER : m.email() != null ? PurchaseColumn.EMAIL
                : m.phone() != null ? PurchaseColumn.PHONE : PurchaseColumn.SHOP_CUSTOMER_ID;
    }
}
