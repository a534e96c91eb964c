package org.loyaltyhub.ledger;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Ledger#postAll}: entries written together are the entries posting them one by one would write (postings,
 * balances, lots with their issuer and expiry), a replayed key writes nothing, and a batch a budget cannot fund in
 * full is refused whole and leaves nothing.
 */
class PostingEntriesTogetherTest extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private static EntryDraft credit(World w, AccountRef from, String key, long member, long points, Long issuer,
                                     Instant expires) {
        return EntryDraft.transfer(w.circuitId, key, "TEST", "test")
                .move(from, AccountRef.available(member), points, null, new LotRule.NewLot(issuer, expires))
                .member(member).build();
    }

    @Test
    void entriesPostedTogetherAreWrittenAsEachAloneAndAReplayedKeyWritesNothing() {
        World w = fixtures.world(api);
        long[] shop = w.company("Together");
        long anna = w.enrol(w.asAdmin(), "together-a").path("id").asLong();
        long bruno = w.enrol(w.asAdmin(), "together-b").path("id").asLong();
        long carla = w.enrol(w.asAdmin(), "together-c").path("id").asLong();
        AccountRef issuance = AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE);
        Instant expires = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

        List<PostedEntry> first = ledger.postAll(List.of(credit(w, issuance, "together:a", anna, 10, shop[0], expires),
                credit(w, issuance, "together:b", bruno, 20, null, null)));
        List<PostedEntry> second = ledger.postAll(List.of(credit(w, issuance, "together:a", anna, 10, shop[0], expires),
                credit(w, issuance, "together:c", carla, 30, null, null)));

        assertThat(first).extracting(PostedEntry::replayed).containsExactly(false, false);
        assertThat(second).extracting(PostedEntry::replayed).containsExactly(true, false);
        assertThat(second.getFirst().id()).isEqualTo(first.getFirst().id());
        assertThat(List.of(anna, bruno, carla)).extracting(m -> ledger.balance(w.circuitId, AccountRef.available(m)))
                .containsExactly(10L, 20L, 30L);
        var lot = jdbc.sql("select issuer_company_id, expires_at, remaining, "
                        + "(select sum(amount) from lot_movement m where m.lot_id = lot.id) as moved "
                        + "from lot where entry_id = :e")
                .param("e", first.getFirst().id()).query().singleRow();
        assertThat(lot.get("issuer_company_id")).isEqualTo(shop[0]);
        assertThat(((java.sql.Timestamp) lot.get("expires_at")).toInstant()).isEqualTo(expires);
        assertThat(lot.get("remaining")).isEqualTo(10L);
        assertThat(((Number) lot.get("moved")).longValue()).isEqualTo(10L);
        assertThat(jdbc.sql("select count(*) from posting where entry_id = any(?::bigint[])")
                .params((Object) new Long[] {first.get(0).id(), first.get(1).id(), second.get(1).id()})
                .query(Long.class).single()).isEqualTo(6);
        assertThat(ledger.check(w.circuitId).differences()).isEmpty();
    }

    @Test
    void aBatchTheBudgetCannotFundInFullIsRefusedWholeAndLeavesNothing() {
        World w = fixtures.world(api, false, true);
        long[] shop = w.company("Budget");
        w.recharge(shop[0], 1000);
        long anna = w.enrol(w.asAdmin(), "budget-a").path("id").asLong();
        long bruno = w.enrol(w.asAdmin(), "budget-b").path("id").asLong();
        AccountRef budget = AccountRef.budget(shop[0]);

        assertThatThrownBy(() -> ledger.postAll(List.of(credit(w, budget, "budget:a", anna, 600, shop[0], null),
                credit(w, budget, "budget:b", bruno, 600, shop[0], null)))).isInstanceOf(InsufficientBalance.class);
        assertThat(jdbc.sql("select count(*) from journal_entry where circuit_id = :c and business_key like 'budget:%'")
                .param("c", w.circuitId).query(Long.class).single()).isZero();
        assertThat(ledger.balance(w.circuitId, budget)).isEqualTo(1000);
        assertThat(ledger.balance(w.circuitId, AccountRef.available(anna))).isZero();

        ledger.postAll(List.of(credit(w, budget, "budget:a", anna, 600, shop[0], null),
                credit(w, budget, "budget:b", bruno, 400, shop[0], null)));
        assertThat(ledger.balance(w.circuitId, budget)).isZero();
        assertThat(ledger.balance(w.circuitId, AccountRef.available(bruno))).isEqualTo(400);
        assertThat(ledger.check(w.circuitId).differences()).isEmpty();
    }
}
