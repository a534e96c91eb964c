package org.loyaltyhub.analytics.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.loyaltyhub.analytics.ReportKind;
import org.loyaltyhub.ledger.AccountKind;

/**
 * The one definition of a report movement, in SQL: a journal entry's net effect on members' balances of one purpose
 * (available + pending + held). Moves between a member's own accounts (a hold, a pending release) net to zero and are
 * not movements; so the movements of all time add up to what members hold.
 */
final class Movements {

    /** The purpose of a member-owned account kind, as SQL over {@code account.kind}. */
    static final String PURPOSE = "case a.kind " + Arrays.stream(AccountKind.values()).filter(AccountKind::ownedByMember)
            .map(k -> "when '" + k.name() + "' then '" + k.purpose().name() + "'").collect(Collectors.joining(" "))
            + " end";

    static final String MEMBER_KINDS = Arrays.stream(AccountKind.values()).filter(AccountKind::ownedByMember)
            .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    /**
     * One row per movement: id, created_at, circuit_id, company_id, store_id, member_id, actor, entry_kind, reason,
     * purpose, net, report_kind. {@code where} is appended to the journal's conditions (alias {@code e}).
     */
    static String select(String where) {
        return "select m.*, " + ReportKind.sql("m.entry_kind", "m.net") + " as report_kind from ("
                + "select e.id, e.created_at, e.circuit_id, e.company_id, e.store_id, e.member_id, e.actor,"
                + " e.kind as entry_kind, e.reason, " + PURPOSE + " as purpose, sum(p.amount) as net"
                + " from journal_entry e join posting p on p.entry_id = e.id join account a on a.id = p.account_id"
                + " where a.kind in " + MEMBER_KINDS + " and " + where
                + " group by e.id, " + PURPOSE + " having sum(p.amount) <> 0) m";
    }

    private Movements() {
    }
}
