package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.HoldExpired;
import org.loyaltyhub.ledger.Ledger.Hold;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reservations of a member's points: held, then captured (spent), released (back to the member) or, once captured,
 * given back when the order that spent them is cancelled. Each step is one journal entry under a key of its own, so
 * a retry posts nothing twice.
 */
@Component
class Holds {

    private static final RowMapper<Hold> HOLD = (rs, n) -> new Hold(rs.getLong("id"), rs.getLong("circuit_id"),
            rs.getLong("member_id"), rs.getLong("points"), rs.getString("status"),
            rs.getTimestamp("expires_at").toInstant(), rs.getLong("entry_id"), (Long) rs.getObject("settled_entry_id"));

    private final JdbcClient jdbc;
    private final Journal journal;
    private final Clock clock;

    Holds(JdbcClient jdbc, Journal journal, Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.clock = clock;
    }

    Hold hold(long circuitId, long memberId, long points, String businessKey, Instant expiresAt, Long companyId,
              Long storeId, String actor) {
        PostedEntry entry = journal.post(EntryDraft.transfer(circuitId, businessKey, "REDEMPTION_HOLD",
                        "Points reserved for a redemption")
                .move(AccountRef.available(memberId), AccountRef.held(memberId), points)
                .member(memberId).company(companyId).store(storeId).actor(actor).build());
        if (entry.replayed()) {
            return jdbc.sql("select * from hold where entry_id = :e").param("e", entry.id()).query(HOLD).single();
        }
        long id = jdbc.sql("insert into hold (circuit_id, member_id, points, status, expires_at, entry_id) "
                        + "values (:c, :m, :p, 'HELD', :exp, :e) returning id")
                .param("c", circuitId).param("m", memberId).param("p", points).param("exp", Timestamp.from(expiresAt))
                .param("e", entry.id()).query(Long.class).single();
        return find(circuitId, id).orElseThrow();
    }

    /**
     * Captures or releases a held reservation; asking again for the state it is in changes nothing. A reservation
     * whose time ran out is not captured: it is released and {@link HoldExpired} thrown (callers commit the release).
     */
    Hold settle(long circuitId, long holdId, String target, String actor, String reason, Instant usedAt) {
        Hold hold = lock(circuitId, holdId);
        if (hold.status().equals(target)) {
            return hold;
        }
        if (!hold.status().equals("HELD")) {
            throw new LoyaltyException("hold-settled", 409, "The reservation was already " + hold.status().toLowerCase())
                    .with("holdStatus", hold.status());
        }
        Instant asOf = usedAt != null && usedAt.isBefore(clock.instant()) ? usedAt : clock.instant();
        if (target.equals("CAPTURED") && !asOf.isBefore(hold.expiresAt())) {
            settle(circuitId, holdId, "RELEASED", actor, "Reservation expired", null);
            throw new HoldExpired(holdId, hold.expiresAt());
        }
        EntryDraft.Builder draft = target.equals("CAPTURED")
                ? EntryDraft.transfer(circuitId, "hold:" + holdId + ":capture", "REDEMPTION",
                        "Points redeemed").move(AccountRef.held(hold.memberId()), AccountRef.circuit(AccountKind.REDEEMED),
                        hold.points())
                : EntryDraft.transfer(circuitId, "hold:" + holdId + ":release", "REDEMPTION_RELEASE",
                        reason == null ? "Reservation released" : reason).move(AccountRef.held(hold.memberId()),
                        AccountRef.available(hold.memberId()), hold.points(), null, new LotRule.Restore(hold.entryId()));
        return close(circuitId, hold, draft.actor(actor), target);
    }

    /** Gives back the points of a captured reservation; a held one is released, a settled one left as it is. */
    Hold giveBack(long circuitId, long holdId, String reason, String actor) {
        Hold hold = lock(circuitId, holdId);
        if (hold.status().equals("HELD")) {
            return settle(circuitId, holdId, "RELEASED", actor, reason, null);
        }
        if (!hold.status().equals("CAPTURED")) {
            return hold;
        }
        EntryDraft.Builder draft = EntryDraft.transfer(circuitId, "hold:" + holdId + ":give-back", "REDEMPTION_REFUND",
                        reason == null ? "Redeemed points given back" : reason)
                .move(AccountRef.circuit(AccountKind.REDEEMED), AccountRef.available(hold.memberId()), hold.points(),
                        null, new LotRule.Restore(hold.entryId()))
                .actor(actor);
        return close(circuitId, hold, draft, "REFUNDED");
    }

    Optional<Hold> find(long circuitId, long holdId) {
        return jdbc.sql("select * from hold where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", holdId).query(HOLD).optional();
    }

    List<Hold> due(Instant asOf, int limit) {
        return jdbc.sql("select * from hold where status = 'HELD' and expires_at <= :t order by expires_at limit :n")
                .param("t", Timestamp.from(asOf)).param("n", limit).query(HOLD).list();
    }

    private Hold lock(long circuitId, long holdId) {
        return jdbc.sql("select * from hold where circuit_id = :c and id = :id for no key update")
                .param("c", circuitId).param("id", holdId).query(HOLD).optional()
                .orElseThrow(() -> new NotFound("Hold", holdId));
    }

    /** Posts the closing entry, with the store and company the reservation was made at, and records the outcome. */
    private Hold close(long circuitId, Hold hold, EntryDraft.Builder draft, String status) {
        Long[] where = jdbc.sql("select company_id, store_id from journal_entry where id = :e").param("e", hold.entryId())
                .query((rs, n) -> new Long[]{(Long) rs.getObject(1), (Long) rs.getObject(2)}).single();
        PostedEntry closing = journal.post(draft.member(hold.memberId()).company(where[0]).store(where[1]).build());
        jdbc.sql("update hold set status = :s, settled_entry_id = :e where id = :id").param("s", status)
                .param("e", closing.id()).param("id", hold.id()).update();
        return find(circuitId, hold.id()).orElseThrow();
    }
}
