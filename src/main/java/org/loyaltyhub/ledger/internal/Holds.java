package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.EntryPosted;
import org.loyaltyhub.ledger.HoldExpired;
import org.loyaltyhub.ledger.HoldStatus;
import org.loyaltyhub.ledger.Ledger.Hold;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
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
            rs.getLong("member_id"), rs.getLong("points"), HoldStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("expires_at").toInstant(), rs.getLong("entry_id"), (Long) rs.getObject("settled_entry_id"),
            Purpose.valueOf(rs.getString("purpose")));

    private final JdbcClient jdbc;
    private final Journal journal;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Holds(JdbcClient jdbc, Journal journal, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.clock = clock;
        this.events = events;
    }

    /** Posts a step's entry and, unless it is a replay, tells listeners in this transaction, as every posting does. */
    private PostedEntry post(EntryDraft draft) {
        PostedEntry posted = journal.post(draft);
        if (!posted.replayed()) {
            events.publishEvent(EntryPosted.of(draft, posted.id(), null));
        }
        return posted;
    }

    Hold hold(long circuitId, Purpose purpose, long memberId, long points, String businessKey, Instant expiresAt,
              Long companyId, Long storeId, String actor) {
        PostedEntry entry = post(EntryDraft.transfer(circuitId, businessKey, kind(purpose, "HOLD"),
                        purpose.money() ? "Wallet amount reserved for a payment" : "Points reserved for a redemption")
                .move(AccountRef.member(purpose.available(), memberId), AccountRef.member(purpose.held(), memberId),
                        points)
                .member(memberNamed(purpose, memberId)).company(companyId).store(storeId).actor(actor).build());
        if (entry.replayed()) {
            return jdbc.sql("select * from hold where entry_id = :e").param("e", entry.id()).query(HOLD).single();
        }
        long id = jdbc.sql("insert into hold (circuit_id, member_id, points, status, expires_at, entry_id, purpose) "
                        + "values (:c, :m, :p, 'HELD', :exp, :e, :purpose) returning id")
                .param("purpose", purpose.name())
                .param("c", circuitId).param("m", memberId).param("p", points).param("exp", Timestamp.from(expiresAt))
                .param("e", entry.id()).query(Long.class).single();
        return find(circuitId, id).orElseThrow();
    }

    /**
     * Captures or releases a held reservation; asking again for the state it is in changes nothing. A reservation
     * whose time ran out is not captured: it is released and {@link HoldExpired} thrown (callers commit the release).
     */
    Hold settle(long circuitId, long holdId, HoldStatus target, String actor, String reason, Instant usedAt) {
        Hold hold = lock(circuitId, holdId);
        if (hold.status() == target) {
            return hold;
        }
        if (hold.status() != HoldStatus.HELD) {
            throw new LoyaltyException("hold-settled", Failure.CONFLICT, "The reservation was already "
                    + hold.status().name().toLowerCase(java.util.Locale.ROOT)).with("holdStatus", hold.status().name());
        }
        Instant asOf = usedAt != null && usedAt.isBefore(clock.instant()) ? usedAt : clock.instant();
        if (target == HoldStatus.CAPTURED && !asOf.isBefore(hold.expiresAt())) {
            settle(circuitId, holdId, HoldStatus.RELEASED, actor, "Reservation expired", null);
            throw new HoldExpired(holdId, hold.expiresAt());
        }
        Purpose p = hold.purpose();
        AccountRef held = AccountRef.member(p.held(), hold.memberId());
        EntryDraft.Builder draft = target == HoldStatus.CAPTURED
                ? EntryDraft.transfer(circuitId, "hold:" + holdId + ":capture", kind(p, "SPEND"),
                        p.money() ? "Paid with the wallet" : "Points redeemed")
                        .move(held, AccountRef.circuit(p.redeemed()), hold.points())
                : EntryDraft.transfer(circuitId, "hold:" + holdId + ":release", kind(p, "RELEASE"),
                        reason == null ? "Reservation released" : reason).move(held,
                        AccountRef.member(p.available(), hold.memberId()), hold.points(), null,
                        new LotRule.Restore(hold.entryId()));
        return close(circuitId, hold, draft.actor(actor), target);
    }

    /** Gives back the points of a captured reservation; a held one is released, a settled one left as it is. */
    Hold giveBack(long circuitId, long holdId, String reason, String actor) {
        Hold hold = lock(circuitId, holdId);
        if (hold.status() == HoldStatus.HELD) {
            return settle(circuitId, holdId, HoldStatus.RELEASED, actor, reason, null);
        }
        if (hold.status() != HoldStatus.CAPTURED) {
            return hold;
        }
        Purpose p = hold.purpose();
        EntryDraft.Builder draft = EntryDraft.transfer(circuitId, "hold:" + holdId + ":give-back", kind(p, "REFUND"),
                        reason == null ? (p.money() ? "Wallet payment given back" : "Redeemed points given back") : reason)
                .move(AccountRef.circuit(p.redeemed()), AccountRef.member(p.available(), hold.memberId()),
                        hold.points(), null, new LotRule.Restore(hold.entryId()))
                .actor(actor);
        return close(circuitId, hold, draft, HoldStatus.REFUNDED);
    }

    /**
     * The journal kind of a reservation's step: points keep their REDEMPTION_* kinds, a money purpose has its own
     * (CASHBACK_HOLD, CASHBACK_SPEND, ...), so a history never mixes them.
     */
    static String kind(Purpose purpose, String step) {
        if (purpose == Purpose.POINTS) {
            return step.equals("SPEND") ? "REDEMPTION" : "REDEMPTION_" + step;
        }
        return purpose.name() + "_" + step;
    }

    /** The member an entry names: the holder, unless the holder is a gift card. */
    private static Long memberNamed(Purpose purpose, long holderId) {
        return purpose.heldByMember() ? holderId : null;
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
    private Hold close(long circuitId, Hold hold, EntryDraft.Builder draft, HoldStatus status) {
        Long[] where = jdbc.sql("select company_id, store_id from journal_entry where id = :e").param("e", hold.entryId())
                .query((rs, n) -> new Long[]{(Long) rs.getObject(1), (Long) rs.getObject(2)}).single();
        PostedEntry closing = post(draft.member(memberNamed(hold.purpose(), hold.memberId())).company(where[0])
                .store(where[1]).build());
        jdbc.sql("update hold set status = :s, settled_entry_id = :e where id = :id").param("s", status.name())
                .param("e", closing.id()).param("id", hold.id()).update();
        return find(circuitId, hold.id()).orElseThrow();
    }
}
