package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.LotFlow;
import org.loyaltyhub.ledger.Purpose;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The lot trail summed per issuer, company, purpose and day, for the entries that also post to one of a set of
 * accounts (clearing asks for the held and redeemed ones): what the lot movements say value did between companies.
 */
@Repository
class LotFlows {

    private static final String FLOWS = "select (e.created_at at time zone 'UTC')::date, l.issuer_company_id, "
            + "e.company_id, u.purpose, -sum(m.amount) from lot_movement m "
            + "join lot l on l.id = m.lot_id join account la on la.id = l.account_id "
            + "join unnest(cast(:available as text[]), cast(:purpose as text[])) as u(available, purpose) "
            + "on u.available = la.kind join journal_entry e on e.id = m.entry_id where ";

    private static final String TOWARDS = " and exists (select from posting p join account a on a.id = p.account_id "
            + "where p.entry_id = e.id and u.purpose || '/' || a.kind = any(cast(:towards as text[]))) "
            + "group by 1, 2, 3, 4 having sum(m.amount) <> 0 order by 1, 2 nulls first, 3 nulls first, 4";

    private static final RowMapper<LotFlow> FLOW = (rs, n) -> new LotFlow(rs.getObject(1, LocalDate.class),
            (Long) rs.getObject(2), (Long) rs.getObject(3), Purpose.valueOf(rs.getString(4)), rs.getLong(5));

    private final JdbcClient jdbc;

    LotFlows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LotFlow> ofEntry(long entryId, Collection<AccountKind> towards) {
        return purposes(jdbc.sql(FLOWS + "m.entry_id = :entry" + TOWARDS), towards).param("entry", entryId)
                .query(FLOW).list();
    }

    List<LotFlow> ofDays(long circuitId, LocalDate first, LocalDate last, Collection<AccountKind> towards) {
        return purposes(jdbc.sql(FLOWS + "e.circuit_id = :c and e.created_at >= cast(:first as date) at time zone "
                + "'UTC' and e.created_at < (cast(:last as date) + 1) at time zone 'UTC'" + TOWARDS), towards)
                .param("c", circuitId).param("first", first).param("last", last).query(FLOW).list();
    }

    /** Every purpose the ledger has (none listed here), and the accounts asked for, each with its purpose. */
    private static JdbcClient.StatementSpec purposes(JdbcClient.StatementSpec sql, Collection<AccountKind> towards) {
        Purpose[] all = Arrays.stream(Purpose.values()).filter(Purpose::heldByHolders).toArray(Purpose[]::new);
        return sql.param("available", Arrays.stream(all).map(p -> p.available().name()).toArray(String[]::new))
                .param("purpose", Arrays.stream(all).map(Purpose::name).toArray(String[]::new))
                .param("towards", towards.stream().map(k -> k.purpose().name() + "/" + k.name()).toArray(String[]::new));
    }
}
