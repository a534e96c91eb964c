package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.ledger.Ledger.LedgerCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.Purpose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;

/** Recomputes the books from the journal alone and lists every place where the stored state disagrees. */
@Component
class LedgerChecker {

    private final JdbcClient jdbc;

    LedgerChecker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String LOT_KINDS = Arrays.stream(AccountKind.values()).filter(AccountKind::tracksLots)
            .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
    private static final String HELD_KINDS = Arrays.stream(Purpose.values()).filter(Purpose::heldByHolders)
            .map(p -> "('" + p.held().name() + "', '" + p.name() + "')").collect(Collectors.joining(", "));
    /** Each kind with its unit; null: the circuit's currency. */
    private static final String UNITS = Arrays.stream(AccountKind.values())
            .map(k -> "('" + k.name() + "', " + (k.money() ? "null" : "'" + k.purpose().unit(null) + "'") + ")")
            .collect(Collectors.joining(", "));

    LedgerCheck check(Long circuitId) {
        List<String> differences = new ArrayList<>();
        String scope = "(cast(:c as bigint) is null or a.circuit_id = :c)";
        differences.addAll(list("""
                select 'entry ' || p.entry_id || ' does not balance in ' || a.unit || ' (sum ' || sum(p.amount) || ')'
                  from posting p join account a on a.id = p.account_id where %s
                 group by p.entry_id, a.unit having sum(p.amount) <> 0""".formatted(scope), circuitId));
        differences.addAll(list("""
                select 'account ' || a.id || ' (' || a.kind || ' ' || coalesce(a.owner_id::text, '-') || ') stores '
                       || a.balance || ' but its postings sum to ' || coalesce(s.total, 0)
                  from account a left join (select account_id, sum(amount) as total from posting group by account_id) s
                    on s.account_id = a.id
                 where a.materialized and %s and a.balance <> coalesce(s.total, 0)""".formatted(scope), circuitId));
        differences.addAll(list("""
                select 'account ' || a.id || ' (' || a.kind || ') is below zero: ' || a.balance
                  from account a where a.materialized and a.balance < 0 and %s""".formatted(scope), circuitId));
        differences.addAll(list("""
                select 'lot ' || l.id || ' has ' || l.remaining || ' left but its movements sum to ' || coalesce(m.total, 0)
                  from lot l join account a on a.id = l.account_id
                  left join (select lot_id, sum(amount) as total from lot_movement group by lot_id) m on m.lot_id = l.id
                 where %s and l.remaining <> coalesce(m.total, 0)""".formatted(scope), circuitId));
        differences.addAll(list("""
                select 'account ' || a.id || ' has ' || a.balance || ' available but ' || coalesce(l.total, 0) || ' in lots'
                  from account a left join (select account_id, sum(remaining) as total from lot group by account_id) l
                    on l.account_id = a.id
                 where a.kind in (%s) and %s and a.balance <> coalesce(l.total, 0)""".formatted(LOT_KINDS, scope),
                circuitId));
        differences.addAll(list("""
                select 'member ' || a.owner_id || ' holds ' || a.balance || ' in ' || a.kind
                       || ' but open reservations total ' || coalesce(h.total, 0)
                  from account a join (values %s) as k(kind, purpose) on k.kind = a.kind
                  left join (select circuit_id, member_id, purpose, sum(points) as total from hold
                                             where status = 'HELD' group by circuit_id, member_id, purpose) h
                    on h.member_id = a.owner_id and h.circuit_id = a.circuit_id and h.purpose = k.purpose
                 where %s and a.balance <> coalesce(h.total, 0)""".formatted(HELD_KINDS, scope),
                circuitId));
        differences.addAll(list("""
                select 'account ' || a.id || ' (' || a.kind || ') counts in ' || a.unit || ', not in '
                       || coalesce(k.unit, c.currency)
                  from account a join circuit c on c.id = a.circuit_id join (values %s) as k(kind, unit) on k.kind = a.kind
                 where %s and a.unit <> coalesce(k.unit, c.currency)""".formatted(UNITS, scope),
                circuitId));
        differences.addAll(list("""
                select 'circuit ' || a.circuit_id || ' does not sum to zero in ' || a.unit || ': ' || sum(p.amount)
                  from posting p join account a on a.id = p.account_id where %s
                 group by a.circuit_id, a.unit having sum(p.amount) <> 0""".formatted(scope), circuitId));
        long entries = count("select count(*) from journal_entry a where " + scope, circuitId);
        long accounts = count("select count(*) from account a where " + scope, circuitId);
        long lots = count("select count(*) from lot a where " + scope, circuitId);
        return new LedgerCheck(entries, accounts, lots, differences);
    }

    private List<String> list(String sql, Long circuitId) {
        return jdbc.sql(sql).param("c", circuitId).query(String.class).list();
    }

    private long count(String sql, Long circuitId) {
        return jdbc.sql(sql).param("c", circuitId).query(Long.class).single();
    }
}
