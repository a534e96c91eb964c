package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.ledger.Ledger.LedgerCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Recomputes the books from the journal alone and lists every place where the stored state disagrees. */
@Component
class LedgerChecker {

    private final JdbcClient jdbc;

    LedgerChecker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
                 where a.kind = 'MEMBER_AVAILABLE' and %s and a.balance <> coalesce(l.total, 0)""".formatted(scope),
                circuitId));
        differences.addAll(list("""
                select 'member ' || a.owner_id || ' holds ' || a.balance || ' but open reservations total ' || coalesce(h.total, 0)
                  from account a left join (select circuit_id, member_id, sum(points) as total from hold
                                             where status = 'HELD' group by circuit_id, member_id) h
                    on h.member_id = a.owner_id and h.circuit_id = a.circuit_id
                 where a.kind = 'MEMBER_HELD' and %s and a.balance <> coalesce(h.total, 0)""".formatted(scope),
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
