package org.loyaltyhub.ledger;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database itself refuses an unbalanced journal, whatever the application does: an entry whose postings do not
 * sum to zero, a posting added later that unbalances an entry, and any change to what was posted.
 */
class JournalConstraintsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long account(long circuitId, String kind, long owner) {
        return jdbc.sql("insert into account (circuit_id, kind, owner_id, materialized) values (:c, :k, :o, false) "
                        + "returning id").param("c", circuitId).param("k", kind).param("o", owner)
                .query(Long.class).single();
    }

    private long post(long circuitId, String key, long from, long to, long amountOut, long amountIn) {
        return jdbc.sql("""
                        with entry as (insert into journal_entry (circuit_id, business_key, kind, reason)
                                       values (:c, :key, 'TEST', 'test') returning id)
                        insert into posting (entry_id, account_id, amount)
                        select entry.id, v.account, v.amount from entry,
                               (values (cast(:from as bigint), cast(:out as bigint)),
                                       (cast(:to as bigint), cast(:in as bigint))) as v(account, amount)
                        returning entry_id""")
                .param("c", circuitId).param("key", key).param("from", from).param("to", to)
                .param("out", amountOut).param("in", amountIn).query(Long.class).list().getFirst();
    }

    @Test
    void anEntryWhosePostingsDoNotSumToZeroIsRefusedAndLeavesNothing() {
        World w = fixtures.world(api);
        long a = account(w.circuitId, "ADJUSTMENTS", 1);
        long b = account(w.circuitId, "ADJUSTMENTS", 2);
        assertThatThrownBy(() -> post(w.circuitId, "unbalanced", a, b, -10, 9))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThat(jdbc.sql("select count(*) from journal_entry where circuit_id = :c and business_key = 'unbalanced'")
                .param("c", w.circuitId).query(Long.class).single()).isZero();
    }

    @Test
    void aBalancedEntryIsAcceptedButAPostingAddedLaterThatUnbalancesItIsNot() {
        World w = fixtures.world(api);
        long a = account(w.circuitId, "ADJUSTMENTS", 1);
        long b = account(w.circuitId, "ADJUSTMENTS", 2);
        long entry = post(w.circuitId, "balanced", a, b, -10, 10);
        assertThatThrownBy(() -> jdbc.sql("insert into posting (entry_id, account_id, amount) values (:e, :a, 5)")
                .param("e", entry).param("a", a).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThatThrownBy(() -> jdbc.sql("update posting set amount = 11 where entry_id = :e and amount = 10")
                .param("e", entry).update()).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("select sum(amount) from posting where entry_id = :e").param("e", entry)
                .query(Long.class).single()).isZero();
    }

    @Test
    void circuitsCompaniesAndStoresAreNeverDeletedForPurchasesAndEntriesReferToThemWithoutForeignKeys() {
        World w = fixtures.world(api);
        long[] shop = w.company("Kept");
        for (String sql : new String[] {"delete from store where id = :id", "delete from company where id = :id",
                "delete from circuit where id = :id"}) {
            long id = sql.contains("store") ? shop[1] : sql.contains("company") ? shop[0] : w.circuitId;
            assertThatThrownBy(() -> jdbc.sql(sql).param("id", id).update())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("never deleted");
        }
    }
}
