package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.EntryPosted;
import org.loyaltyhub.ledger.Purpose;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.List;

/**
 * The clearing trail: every posted entry's lot movements that {@link ClearingPolicy} counts, written as deltas in the
 * posting's own transaction (so they commit or roll back with it, and a replayed entry, which publishes nothing,
 * adds nothing), folded into daily rows by {@link ClearingFold}, and read back summed per issuer, redeemer and
 * purpose. Purposes and their accounts come from the ledger's {@link Purpose}, never from a list kept here.
 */
@Repository
class ClearingFlows {

    /** The purposes as SQL arrays: the kind of account their lots are on, and their name. */
    private static final String PURPOSES = "unnest(cast(:available as text[]), cast(:purpose as text[])) "
            + "as u(available, purpose)";

    private static final String COUNTED = "select e.circuit_id, (e.created_at at time zone 'UTC')::date, "
            + "l.issuer_company_id, e.company_id, u.purpose, -sum(m.amount) from lot_movement m "
            + "join lot l on l.id = m.lot_id join account la on la.id = l.account_id "
            + "join " + PURPOSES + " on u.available = la.kind "
            + "join journal_entry e on e.id = m.entry_id ";

    private static final String COUNTS = " and exists (select from posting p join account a on a.id = p.account_id "
            + "where p.entry_id = e.id and u.purpose || '/' || a.kind = any(cast(:counting as text[]))) group by 1, 2, 3, 4, 5 "
            + "having sum(m.amount) <> 0";

    private final JdbcClient jdbc;

    ClearingFlows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(EntryPosted posted) {
        withPurposes(jdbc.sql("insert into clearing_delta (circuit_id, day, issuer_company_id, redeemer_company_id, "
                + "purpose, amount) " + COUNTED + "where m.entry_id = :entry" + COUNTS))
                .param("entry", posted.entryId()).update();
    }

    /** Gross flows of a circuit over a period, from the daily rows and the deltas not folded yet (one snapshot). */
    List<Flow> between(long circuitId, Period period) {
        return jdbc.sql("select issuer_company_id, redeemer_company_id, purpose, sum(amount) from ("
                        + "select issuer_company_id, redeemer_company_id, purpose, amount from clearing_day "
                        + "where circuit_id = :c and day between :first and :last union all "
                        + "select issuer_company_id, redeemer_company_id, purpose, amount from clearing_delta "
                        + "where circuit_id = :c and day between :first and :last) f "
                        + "group by 1, 2, 3 having sum(amount) <> 0 order by 1 nulls first, 2 nulls first, 3")
                .param("c", circuitId).param("first", period.first()).param("last", period.last())
                .query((rs, n) -> new Flow(Party.of((Long) rs.getObject(1)), Party.of((Long) rs.getObject(2)),
                        Purpose.valueOf(rs.getString(3)), rs.getLong(4))).list();
    }

    /**
     * The same flows recomputed straight from the journal's lot movements, ignoring the daily rows: what the
     * reconciliation compares with.
     */
    List<Flow> fromJournal(long circuitId, Period period) {
        return withPurposes(jdbc.sql("select issuer_company_id, redeemer_company_id, purpose, sum(amount) from ("
                + COUNTED + "where e.circuit_id = :c and e.created_at >= cast(:first as date) at time zone 'UTC' "
                + "and e.created_at < (cast(:last as date) + 1) at time zone 'UTC'" + COUNTS
                + ") as f(circuit_id, day, issuer_company_id, redeemer_company_id, purpose, amount) "
                + "group by 1, 2, 3 order by 1 nulls first, 2 nulls first, 3"))
                .param("c", circuitId).param("first", period.first()).param("last", period.last())
                .query((rs, n) -> new Flow(Party.of((Long) rs.getObject(1)), Party.of((Long) rs.getObject(2)),
                        Purpose.valueOf(rs.getString(3)), rs.getLong(4))).list();
    }

    /** Folds up to {@code limit} deltas into the daily rows; returns how many it folded. */
    int fold(int limit) {
        return jdbc.sql("with folded as (delete from clearing_delta where id in (select id from clearing_delta "
                        + "order by id limit :n for update skip locked) returning circuit_id, day, issuer_company_id, "
                        + "redeemer_company_id, purpose, amount), summed as (insert into clearing_day (circuit_id, day, "
                        + "issuer_company_id, redeemer_company_id, purpose, amount) select circuit_id, day, "
                        + "issuer_company_id, redeemer_company_id, purpose, sum(amount) from folded group by 1, 2, 3, 4, 5 "
                        + "on conflict on constraint clearing_day_key do update "
                        + "set amount = clearing_day.amount + excluded.amount) select count(*) from folded")
                .param("n", limit).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec withPurposes(JdbcClient.StatementSpec sql) {
        Purpose[] all = Purpose.values();
        return sql.param("available", names(all, p -> p.available().name()))
                .param("purpose", names(all, Purpose::name))
                .param("counting", Arrays.stream(all).flatMap(p -> ClearingPolicy.redemptionAccounts(p).stream()
                        .map(kind -> p.name() + "/" + kind.name())).toArray(String[]::new));
    }

    private static String[] names(Purpose[] all, java.util.function.Function<Purpose, String> name) {
        return Arrays.stream(all).map(name).toArray(String[]::new);
    }
}
