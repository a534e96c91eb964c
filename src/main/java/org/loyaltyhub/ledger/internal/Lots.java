package org.loyaltyhub.ledger.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;

/**
 * Lots of a member's available points. Every change of a lot's remaining amount is recorded as a lot movement
 * with the entry that caused it, so who issued the points a redemption used can always be traced (clearing).
 * Callers hold the account's row lock, so lots of one account never change concurrently.
 */
@Repository
class Lots {

    private final JdbcClient jdbc;

    Lots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(long circuitId, long accountId, long entryId, long amount, Long issuer, Instant expiresAt) {
        jdbc.sql("with opened as (insert into lot (circuit_id, account_id, issuer_company_id, entry_id, earned_at, "
                        + "expires_at, amount, remaining) values (:c, :a, :issuer, :e, now(), :exp, :amount, :amount) "
                        + "returning id) insert into lot_movement (lot_id, entry_id, amount) select id, :e, :amount from opened")
                .param("c", circuitId).param("a", accountId).param("issuer", issuer).param("e", entryId)
                .param("exp", expiresAt == null ? null : Timestamp.from(expiresAt)).param("amount", amount)
                .update();
    }

    /** Consumes {@code amount}: one given lot, or the lots of {@code preferEntry} first, then oldest-expiring. */
    void consume(long accountId, long entryId, long amount, Long preferEntry, Long onlyLot) {
        long left = amount;
        while (left > 0) {
            List<long[]> open = jdbc.sql("select id, remaining from lot where account_id = :a and remaining > 0 "
                            + "and (cast(:only as bigint) is null or id = :only) "
                            + "order by (entry_id = :prefer) desc, expires_at asc nulls last, id limit 50")
                    .param("a", accountId).param("only", onlyLot).param("prefer", preferEntry == null ? -1 : preferEntry)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            if (open.isEmpty()) {
                throw new IllegalStateException("account " + accountId + " has fewer points in lots than its balance");
            }
            for (long[] lot : open) {
                long take = Math.min(left, lot[1]);
                jdbc.sql("update lot set remaining = remaining - :take where id = :id").param("take", take)
                        .param("id", lot[0]).update();
                move(lot[0], entryId, -take);
                left -= take;
                if (left == 0) {
                    break;
                }
            }
            if (onlyLot != null && left > 0) {
                throw new IllegalStateException("lot " + onlyLot + " has less than " + amount);
            }
        }
    }

    /** Gives back to the lots that {@code fromEntry} consumed on this account. */
    void restore(long accountId, long entryId, long amount, long fromEntry) {
        // a lot takes back at most what the entry took from it and what it has room for (a reservation may be given
        // back in several parts: partial refunds of the order that used it)
        List<long[]> consumed = jdbc.sql("select m.lot_id, -sum(m.amount), min(l.amount - l.remaining) from lot_movement m "
                        + "join lot l on l.id = m.lot_id where m.entry_id = :from and l.account_id = :a "
                        + "group by m.lot_id having sum(m.amount) < 0 order by m.lot_id")
                .param("from", fromEntry).param("a", accountId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        long left = amount;
        for (long[] lot : consumed) {
            if (left == 0) {
                break;
            }
            long give = Math.min(left, Math.min(lot[1], lot[2]));
            if (give == 0) {
                continue;
            }
            jdbc.sql("update lot set remaining = remaining + :give where id = :id").param("give", give)
                    .param("id", lot[0]).update();
            move(lot[0], entryId, give);
            left -= give;
        }
        if (left > 0) {
            throw new IllegalStateException("entry " + fromEntry + " consumed less than " + amount + " to restore");
        }
    }

    private void move(long lot, long entryId, long amount) {
        jdbc.sql("insert into lot_movement (lot_id, entry_id, amount) values (:lot, :e, :amount)")
                .param("lot", lot).param("e", entryId).param("amount", amount).update();
    }
}
