package org.loyaltyhub.ledger;

import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posts balanced entries and answers balances and history. All writes join the caller's transaction and take
 * row locks on the floored accounts they touch, in account-id order, so concurrent writers cannot overspend.
 */
public interface Ledger {

    PostedEntry post(EntryDraft draft);

    /**
     * Posts entries of one circuit as if each were posted alone, in their order (replays included), in a few
     * multi-row statements: all or nothing, so a movement that would take a balance below zero
     * ({@link InsufficientBalance}) refuses them all. What an import's chunk of opening balances needs.
     */
    List<PostedEntry> postAll(List<EntryDraft> drafts);

    /** Posts the mirror image of an entry, linked to it; lots go back where they came from. */
    PostedEntry reverse(long circuitId, long entryId, String kind, String reason, String note, String actor);

    long balance(long circuitId, AccountRef account);

    MemberBalance memberBalance(long circuitId, long memberId, Instant expiringBefore);

    /** A member's balance of one purpose (for a money purpose, in minor units of the circuit's currency). */
    MemberBalance memberBalance(long circuitId, Purpose purpose, long memberId, Instant expiringBefore);

    Optional<Entry> entry(long circuitId, long entryId);

    Optional<Entry> entryByKey(long circuitId, String businessKey);

    /** A member's movements, newest first. */
    Page<Movement> memberHistory(long circuitId, long memberId, HistoryFilter filter, PageQuery page);

    /** A member's movements of one purpose, newest first: entries that touch the member's accounts of it. */
    Page<Movement> memberHistory(long circuitId, Purpose purpose, long memberId, HistoryFilter filter, PageQuery page);

    /** Movements of one account (a company budget, say), newest first. */
    Page<AccountMovement> accountHistory(long circuitId, AccountRef account, PageQuery page);

    /** Moves points from available to held until captured, released or expired. Replays return the first hold. */
    Hold hold(long circuitId, long memberId, long points, String businessKey, Instant expiresAt, Long companyId,
              Long storeId, String actor);

    /** Moves an amount of a purpose (points, or minor units of a wallet) from available to held. */
    Hold hold(long circuitId, Purpose purpose, long memberId, long amount, String businessKey, Instant expiresAt,
              Long companyId, Long storeId, String actor);

    Hold capture(long circuitId, long holdId, String actor);

    /**
     * Captures a reservation that an order used at {@code usedAt}: an order placed while the reservation was valid
     * captures it even if its time has run out since (a shop's webhook may arrive late), as long as it is still held.
     */
    Hold capture(long circuitId, long holdId, String actor, Instant usedAt);

    Hold release(long circuitId, long holdId, String reason, String actor);

    /**
     * Gives back the points of a captured reservation (the order that used them was cancelled or refunded), to the
     * lots they came from; once, whatever the retries. A reservation still held is released instead.
     */
    Hold giveBack(long circuitId, long holdId, String reason, String actor);

    Optional<Hold> findHold(long circuitId, long holdId);

    List<Hold> holdsDue(Instant asOf, int limit);

    List<DueLot> lotsDue(Instant asOf, int limit);

    /** The lots of an account with something left, oldest-expiring first: who issued what it holds, until when. */
    List<OpenLot> openLots(long circuitId, AccountRef account);

    /** The lots an entry opened, in the order of its legs, with what is left of each. */
    List<OpenedLot> lotsOpenedBy(long circuitId, long entryId);

    /**
     * Locks the accounts an entry posted to (in the journal's order) until the transaction ends: nothing consumes the
     * lots it opened before a reversal or a refund posted in the same transaction.
     */
    void lockAccountsOf(long circuitId, long entryId);

    /** A lot as its entry opened it ({@code amount}) and what is left of it now; untouched while they are equal. */
    record OpenedLot(long lotId, Long issuerCompanyId, long amount, long remaining) {
        public boolean untouched() {
            return remaining == amount;
        }
    }
    /**
     * Members of the circuit with available points expiring in {@code [from, to)}: per member, the points and the
     * first of those expiries; members ascending after {@code afterMemberId}, at most {@code limit} (paging).
     */
    List<ExpiringPoints> pointsExpiring(long circuitId, Instant from, Instant to, long afterMemberId, int limit);

    record ExpiringPoints(long memberId, long points, Instant firstExpiry) {
    }

    /** Moves what is left of a lot to the circuit's expired account; nothing when it is already used up. */
    Optional<PostedEntry> expireLot(long circuitId, long lotId, Instant asOf);

    /**
     * What an entry took from members' lots or gave back to them, per issuer and purpose, when it also posts to one of
     * {@code towards} (of the lots' purpose); nothing otherwise. The trail the clearing between companies is made of.
     */
    List<LotFlow> lotFlows(long entryId, java.util.Collection<AccountKind> towards);

    /** The same for every entry of a circuit posted on the UTC days from {@code first} to {@code last}, per day. */
    List<LotFlow> lotFlows(long circuitId, java.time.LocalDate first, java.time.LocalDate last,
                           java.util.Collection<AccountKind> towards);

    /** Recomputes every balance and lot from the journal and reports any difference. */
    LedgerCheck check(Long circuitId);

    /** A posted entry with its postings. */
    record Entry(long id, long circuitId, String businessKey, String kind, String reason, String note, Long memberId,
                 Long companyId, Long storeId, String actor, Long reversesId, Long reversedById, Instant createdAt,
                 List<Posting> postings) {
    }

    record Posting(AccountRef account, long amount) {
    }

    /** One line of history: the entry and what it changed on the account(s) looked at. */
    record Movement(long entryId, Instant at, String kind, String reason, String note, Long storeId,
                    Long companyId, String actor, long available, long pending, long held, Long reversesId,
                    Long reversedById) {
    }

    /** One posting on one account, with its entry. */
    record AccountMovement(long entryId, Instant at, String kind, String reason, String note, Long memberId,
                           Long companyId, Long storeId, String actor, long amount, Long reversesId) {
    }

    /**
     * A company's points: issued to members (net of refunds and reversals), redeemed, and its latest movements
     * touching members, newest first.
     */
    CompanyActivity companyActivity(long circuitId, long companyId, int latest);

    /** The same figures for the whole circuit, every company together, with what members and budgets hold. */
    CircuitActivity circuitActivity(long circuitId, int latest);

    record CompanyActivity(long issued, long redeemed, List<CompanyMovement> latest) {
    }

    /**
     * {@code outstanding}: what members hold (available, pending and reserved points), the circuit's liability in
     * points; {@code budgetsLeft}: what the companies' budgets hold.
     */
    record CircuitActivity(long issued, long redeemed, long outstanding, long budgetsLeft,
                           List<CompanyMovement> latest) {
    }

    /** One entry as a dashboard lists it; points is the net change of the member's points. */
    record CompanyMovement(long entryId, Instant at, String kind, String reason, Long memberId, Long companyId,
                           Long storeId, long points) {
    }

    record HistoryFilter(Instant from, Instant to, String kind) {
        public static final HistoryFilter ALL = new HistoryFilter(null, null, null);
    }

    record MemberBalance(long available, long pending, long held, long expiringSoon, Instant nextExpiry,
                         long lifetimeEarned) {
    }

    /** {@code points}: the amount held, in the purpose's unit (minor units for money). */
    record Hold(long id, long circuitId, long memberId, long points, HoldStatus status, Instant expiresAt,
                long entryId, Long settledEntryId, Purpose purpose) {
    }

    record DueLot(long lotId, long circuitId, long remaining, Instant expiresAt) {
    }

    record OpenLot(long lotId, Long issuerCompanyId, long remaining, Instant expiresAt) {
    }

    /** What the ledger check found; {@code consistent} is part of the value (and of the API's answer). */
    record LedgerCheck(long entries, long accounts, long lots, List<String> differences, boolean consistent) {
        public LedgerCheck {
            differences = List.copyOf(differences);
            if (consistent != differences.isEmpty()) {
                throw new IllegalArgumentException("consistent must say whether there are differences");
            }
        }

        public LedgerCheck(long entries, long accounts, long lots, List<String> differences) {
            this(entries, accounts, lots, differences, differences.isEmpty());
        }
    }
}
