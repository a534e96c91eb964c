package org.loyaltyhub.ledger;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entries with at most one floored account whose lots are only opened are written in one statement: a replay writes
 * nothing, a refusal leaves nothing (entry, postings, lots, balance), and the lot carries the issuer and expiry.
 */
class SingleStatementPostingTest extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private long count(String sql, long circuitId, String key) {
        return jdbc.sql(sql).param("c", circuitId).param("k", key).query(Long.class).single();
    }

    @Test
    void aCreditOpensItsLotOnceAndAReplayWritesNothing() {
        World w = fixtures.world(api);
        long[] shop = w.company("Lots");
        long member = w.enrol(w.asAdmin(), "single").path("id").asLong();
        Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        EntryDraft draft = EntryDraft.transfer(w.circuitId, "single:credit", "TEST", "test")
                .move(AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), AccountRef.available(member), 25, null,
                        new LotRule.NewLot(shop[0], expires))
                .member(member).build();
        PostedEntry first = ledger.post(draft);
        PostedEntry again = ledger.post(draft);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(ledger.balance(w.circuitId, AccountRef.available(member))).isEqualTo(25);
        assertThat(jdbc.sql("select count(*) from posting where entry_id = :e").param("e", first.id())
                .query(Long.class).single()).isEqualTo(2);
        var lot = jdbc.sql("select issuer_company_id, expires_at, amount, remaining, "
                        + "(select sum(amount) from lot_movement m where m.lot_id = lot.id and m.entry_id = :e) as moved "
                        + "from lot where entry_id = :e")
                .param("e", first.id()).query().singleRow();
        assertThat(lot.get("issuer_company_id")).isEqualTo(shop[0]);
        assertThat(((java.sql.Timestamp) lot.get("expires_at")).toInstant()).isEqualTo(expires);
        assertThat(lot.get("amount")).isEqualTo(25L);
        assertThat(lot.get("remaining")).isEqualTo(25L);
        assertThat(((Number) lot.get("moved")).longValue()).isEqualTo(25L);
        assertThat(ledger.check(w.circuitId).differences()).isEmpty();
    }

    @Test
    void aDebitBelowZeroIsRefusedAndLeavesNothing() {
        World w = fixtures.world(api);
        long member = w.enrol(w.asAdmin(), "refused").path("id").asLong();
        ledger.post(EntryDraft.transfer(w.circuitId, "single:pending", "TEST", "test")
                .move(AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), AccountRef.pending(member), 5).build());
        EntryDraft tooMuch = EntryDraft.transfer(w.circuitId, "single:too-much", "TEST", "test")
                .move(AccountRef.pending(member), AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), 6).build();
        assertThatThrownBy(() -> ledger.post(tooMuch)).isInstanceOf(InsufficientBalance.class)
                .hasMessageContaining("has 5");
        assertThat(count("select count(*) from journal_entry where circuit_id = :c and business_key = :k",
                w.circuitId, "single:too-much")).isZero();
        assertThat(ledger.balance(w.circuitId, AccountRef.pending(member))).isEqualTo(5);
        // the same key goes through once the balance allows it
        EntryDraft enough = EntryDraft.transfer(w.circuitId, "single:too-much", "TEST", "test")
                .move(AccountRef.pending(member), AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), 5).build();
        assertThat(ledger.post(enough).replayed()).isFalse();
        assertThat(ledger.balance(w.circuitId, AccountRef.pending(member))).isZero();
        assertThat(ledger.check(w.circuitId).differences()).isEmpty();
    }
}
