package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Leg;
import org.loyaltyhub.ledger.HoldExpired;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Service
@Transactional
class LedgerService implements Ledger {

    private final JdbcClient jdbc;
    private final Journal journal;
    private final Accounts accounts;
    private final LedgerChecker checker;
    private final CompanyActivityQuery companies;
    private final Holds holds;
    private final LotFlows lotFlows;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final JournalBatch batch;

    LedgerService(JdbcClient jdbc, Journal journal, Accounts accounts, LedgerChecker checker,
                  CompanyActivityQuery companies, Holds holds, LotFlows lotFlows,
                  org.springframework.context.ApplicationEventPublisher events, JournalBatch batch) {
        this.batch = batch;
        this.events = events;
        this.lotFlows = lotFlows;
        this.companies = companies;
        this.holds = holds;
        this.jdbc = jdbc;
        this.journal = journal;
        this.accounts = accounts;
        this.checker = checker;
    }

    @Override
    public PostedEntry post(EntryDraft draft) {
        PostedEntry posted = journal.post(draft);
        if (!posted.replayed()) {
            events.publishEvent(org.loyaltyhub.ledger.EntryPosted.of(draft, posted.id(), null));
        }
        return posted;
    }

    @Override
    public List<PostedEntry> postAll(List<EntryDraft> drafts) {
        List<PostedEntry> posted = batch.post(drafts);
        List<org.loyaltyhub.ledger.EntryPosted> written = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (!posted.get(i).replayed()) {
                written.add(org.loyaltyhub.ledger.EntryPosted.of(drafts.get(i), posted.get(i).id(), null));
            }
        }
        if (!written.isEmpty()) {
            events.publishEvent(new org.loyaltyhub.ledger.EntriesPosted(drafts.getFirst().circuitId(), written));
        }
        return posted;
    }

    @Override
    public PostedEntry reverse(long circuitId, long entryId, String kind, String reason, String note, String actor) {
        Entry original = entry(circuitId, entryId).orElseThrow(() -> new NotFound("Movement", entryId));
        if (original.reversesId() != null) {
            throw new LoyaltyException("not-reversible", Failure.CONFLICT, "A reversal cannot itself be reversed");
        }
        List<Leg> legs = new ArrayList<>();
        for (Posting p : original.postings()) {
            LotRule rule = null;
            if (p.account().kind().tracksLots()) {
                rule = p.amount() > 0 ? new LotRule.ConsumeFirst(entryId) : new LotRule.Restore(entryId);
            }
            legs.add(new Leg(p.account(), -p.amount(), rule));
        }
        EntryDraft draft = new EntryDraft(circuitId, "reversal:" + entryId, kind, reason, note, original.memberId(),
                original.companyId(), original.storeId(), actor, entryId, legs);
        PostedEntry posted = journal.post(draft);
        if (!posted.replayed()) {
            events.publishEvent(org.loyaltyhub.ledger.EntryPosted.of(draft, posted.id(), original.kind()));
        }
        return posted;
    }

    @Override
    @Transactional(readOnly = true)
    public long balance(long circuitId, AccountRef account) {
        Optional<Long> id = accounts.find(circuitId, account);
        if (id.isEmpty()) {
            return 0;
        }
        if (account.kind().floored()) {
            Optional<Long> written = WrittenBalances.of(id.get());
            if (written.isPresent()) {
                return written.get();
            }
            return jdbc.sql("select balance from account where id = :id").param("id", id.get()).query(Long.class).single();
        }
        return jdbc.sql("select coalesce(sum(amount), 0) from posting where account_id = :id").param("id", id.get())
                .query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public MemberBalance memberBalance(long circuitId, long memberId, Instant expiringBefore) {
        return memberBalance(circuitId, Purpose.POINTS, memberId, expiringBefore);
    }

    @Override
    @Transactional(readOnly = true)
    public MemberBalance memberBalance(long circuitId, Purpose purpose, long memberId, Instant expiringBefore) {
        return jdbc.sql("""
                        select coalesce(max(balance) filter (where kind = :available), 0) as available,
                               coalesce(max(balance) filter (where kind = :pending), 0) as pending,
                               coalesce(max(balance) filter (where kind = :held), 0) as held,
                               (select coalesce(sum(l.remaining) filter (where l.expires_at < :before), 0)
                                  from lot l join account la on la.id = l.account_id
                                 where la.circuit_id = :c and la.kind = :available and la.owner_id = :m
                                   and l.remaining > 0) as expiring,
                               (select min(l.expires_at) from lot l join account la on la.id = l.account_id
                                 where la.circuit_id = :c and la.kind = :available and la.owner_id = :m
                                   and l.remaining > 0) as next_expiry,
                               (select coalesce(sum(l.amount), 0) from lot l join account la on la.id = l.account_id
                                 where la.circuit_id = :c and la.kind = :available and la.owner_id = :m) as lifetime
                          from account
                         where circuit_id = :c and owner_id = :m
                           and kind in (:available, :pending, :held)
                        """)
                .param("c", circuitId).param("m", memberId).param("before", Timestamp.from(expiringBefore))
                .param("available", purpose.available().name()).param("pending", purpose.pending().name())
                .param("held", purpose.held().name())
                .query((rs, n) -> new MemberBalance(rs.getLong("available"), rs.getLong("pending"), rs.getLong("held"),
                        rs.getLong("expiring"), instant(rs, "next_expiry"), rs.getLong("lifetime")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Entry> entry(long circuitId, long entryId) {
        return loadEntry("e.circuit_id = :c and e.id = :id", circuitId, entryId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Entry> entryByKey(long circuitId, String businessKey) {
        return loadEntry("e.circuit_id = :c and e.business_key = :id", circuitId, businessKey);
    }

    private Optional<Entry> loadEntry(String where, long circuitId, Object id) {
        return jdbc.sql("select e.*, (select r.id from journal_entry r where r.reverses_id = e.id) as reversed_by "
                        + "from journal_entry e where " + where)
                .param("c", circuitId).param("id", id)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("circuit_id"), rs.getString("business_key"),
                        rs.getString("kind"), rs.getString("reason"), rs.getString("note"),
                        (Long) rs.getObject("member_id"), (Long) rs.getObject("company_id"),
                        (Long) rs.getObject("store_id"), rs.getString("actor"), (Long) rs.getObject("reverses_id"),
                        (Long) rs.getObject("reversed_by"), rs.getTimestamp("created_at").toInstant(), List.of()))
                .optional()
                .map(e -> new Entry(e.id(), e.circuitId(), e.businessKey(), e.kind(), e.reason(), e.note(),
                        e.memberId(), e.companyId(), e.storeId(), e.actor(), e.reversesId(), e.reversedById(),
                        e.createdAt(), postings(e.id())));
    }

    private List<Posting> postings(long entryId) {
        return jdbc.sql("select a.kind, a.owner_id, p.amount from posting p join account a on a.id = p.account_id "
                        + "where p.entry_id = :e order by p.id")
                .param("e", entryId)
                .query((rs, n) -> new Posting(new AccountRef(AccountKind.valueOf(rs.getString(1)),
                        (Long) rs.getObject(2)), rs.getLong(3)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Movement> memberHistory(long circuitId, long memberId, HistoryFilter f, PageQuery page) {
        return memberHistory(circuitId, Purpose.POINTS, memberId, f, page);
    }

    /**
     * Points history keeps every entry of the member that posts points (all entries did before money purposes); a
     * money purpose's history keeps the entries that touch the member's accounts of that purpose.
     */
    @Override
    @Transactional(readOnly = true)
    public Page<Movement> memberHistory(long circuitId, Purpose purpose, long memberId, HistoryFilter f,
                                        PageQuery page) {
        String where = "e.circuit_id = :c and e.member_id = :m "
                + "and exists (select from posting pu join account au on au.id = pu.account_id "
                + "where pu.entry_id = e.id and au.kind in (:kinds)" + (purpose.money() ? " and au.owner_id = :m" : "")
                + ") "
                + "and (cast(:from as timestamptz) is null or e.created_at >= :from) "
                + "and (cast(:to as timestamptz) is null or e.created_at < :to) "
                + "and (cast(:kind as text) is null or e.kind = :kind)";
        List<String> kinds = java.util.Arrays.stream(AccountKind.values()).filter(k -> k.purpose() == purpose)
                .filter(k -> !purpose.money() || k.ownedByMember()).map(Enum::name).toList();
        long total = jdbc.sql("select count(*) from journal_entry e where " + where).param("kinds", kinds)
                .param("c", circuitId).param("m", memberId).param("from", ts(f.from())).param("to", ts(f.to()))
                .param("kind", f.kind()).query(Long.class).single();
        List<Movement> items = jdbc.sql("""
                        select e.id, e.created_at, e.kind, e.reason, e.note, e.store_id, e.company_id, e.actor,
                               e.reverses_id, (select r.id from journal_entry r where r.reverses_id = e.id) as reversed_by,
                               coalesce(sum(p.amount) filter (where a.kind = :available and a.owner_id = :m), 0) as available,
                               coalesce(sum(p.amount) filter (where a.kind = :pending and a.owner_id = :m), 0) as pending,
                               coalesce(sum(p.amount) filter (where a.kind = :held and a.owner_id = :m), 0) as held
                          from journal_entry e
                          join posting p on p.entry_id = e.id
                          join account a on a.id = p.account_id
                         where\s""" + where + """
                         group by e.id
                         order by e.id desc
                         limit :limit offset :offset
                        """)
                .param("c", circuitId).param("m", memberId).param("from", ts(f.from())).param("to", ts(f.to()))
                .param("kind", f.kind()).param("limit", page.size()).param("offset", page.offset())
                .param("kinds", kinds).param("available", purpose.available().name())
                .param("pending", purpose.pending().name()).param("held", purpose.held().name())
                .query((rs, n) -> new Movement(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("kind"), rs.getString("reason"), rs.getString("note"),
                        (Long) rs.getObject("store_id"), (Long) rs.getObject("company_id"), rs.getString("actor"),
                        rs.getLong("available"), rs.getLong("pending"), rs.getLong("held"),
                        (Long) rs.getObject("reverses_id"), (Long) rs.getObject("reversed_by")))
                .list();
        return Page.of(items, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public CompanyActivity companyActivity(long circuitId, long companyId, int latest) {
        return companies.activity(circuitId, companyId, latest);
    }

    @Override
    @Transactional(readOnly = true)
    public CircuitActivity circuitActivity(long circuitId, int latest) {
        return companies.circuitActivity(circuitId, latest);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AccountMovement> accountHistory(long circuitId, AccountRef account, PageQuery page) {
        Optional<Long> id = accounts.find(circuitId, account);
        if (id.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        long total = jdbc.sql("select count(*) from posting where account_id = :a").param("a", id.get())
                .query(Long.class).single();
        List<AccountMovement> items = jdbc.sql("select e.*, p.amount from posting p join journal_entry e on e.id = p.entry_id "
                        + "where p.account_id = :a order by p.entry_id desc, p.id desc limit :limit offset :offset")
                .param("a", id.get()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new AccountMovement(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("kind"), rs.getString("reason"), rs.getString("note"),
                        (Long) rs.getObject("member_id"), (Long) rs.getObject("company_id"),
                        (Long) rs.getObject("store_id"), rs.getString("actor"), rs.getLong("amount"),
                        (Long) rs.getObject("reverses_id")))
                .list();
        return Page.of(items, page, total);
    }

    // --- holds: kept by Holds -------------------------------------------------------------------------------

    @Override
    public Hold hold(long circuitId, long memberId, long points, String businessKey, Instant expiresAt,
                     Long companyId, Long storeId, String actor) {
        return holds.hold(circuitId, Purpose.POINTS, memberId, points, businessKey, expiresAt, companyId, storeId,
                actor);
    }

    @Override
    public Hold hold(long circuitId, Purpose purpose, long memberId, long amount, String businessKey,
                     Instant expiresAt, Long companyId, Long storeId, String actor) {
        return holds.hold(circuitId, purpose, memberId, amount, businessKey, expiresAt, companyId, storeId, actor);
    }

    @Override
    @Transactional(noRollbackFor = HoldExpired.class) // the expired reservation's release commits
    public Hold capture(long circuitId, long holdId, String actor) {
        return holds.settle(circuitId, holdId, org.loyaltyhub.ledger.HoldStatus.CAPTURED, actor, null, null);
    }

    @Override
    @Transactional(noRollbackFor = HoldExpired.class)
    public Hold capture(long circuitId, long holdId, String actor, Instant usedAt) {
        return holds.settle(circuitId, holdId, org.loyaltyhub.ledger.HoldStatus.CAPTURED, actor, null, usedAt);
    }

    @Override
    public Hold release(long circuitId, long holdId, String reason, String actor) {
        return holds.settle(circuitId, holdId, org.loyaltyhub.ledger.HoldStatus.RELEASED, actor, reason, null);
    }

    @Override
    public Hold giveBack(long circuitId, long holdId, String reason, String actor) {
        return holds.giveBack(circuitId, holdId, reason, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Hold> findHold(long circuitId, long holdId) {
        return holds.find(circuitId, holdId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Hold> holdsDue(Instant asOf, int limit) {
        return holds.due(asOf, limit);
    }

    // --- expiry ---------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<ExpiringPoints> pointsExpiring(long circuitId, Instant from, Instant to, long afterMemberId,
                                               int limit) {
        return jdbc.sql("""
                        select a.owner_id, sum(l.remaining), min(l.expires_at) from lot l join account a on a.id = l.account_id
                        where l.circuit_id = :c and a.circuit_id = :c and a.kind = 'MEMBER_AVAILABLE' and l.remaining > 0
                          and l.expires_at >= :from and l.expires_at < :to and a.owner_id > :after
                        group by a.owner_id order by a.owner_id limit :n""")
                .param("c", circuitId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("after", afterMemberId).param("n", limit)
                .query((rs, n) -> new ExpiringPoints(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DueLot> lotsDue(Instant asOf, int limit) {
        return jdbc.sql("select id, circuit_id, remaining, expires_at from lot where remaining > 0 and expires_at <= :t "
                        + "order by expires_at, id limit :n")
                .param("t", Timestamp.from(asOf)).param("n", limit)
                .query((rs, n) -> new DueLot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenLot> openLots(long circuitId, AccountRef account) {
        Optional<Long> id = accounts.find(circuitId, account);
        if (id.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, issuer_company_id, remaining, expires_at from lot where account_id = :a "
                        + "and remaining > 0 order by expires_at asc nulls last, id")
                .param("a", id.get())
                .query((rs, n) -> new OpenLot(rs.getLong(1), (Long) rs.getObject(2), rs.getLong(3),
                        instant(rs, "expires_at")))
                .list();
    }

    @Override
    public void lockAccountsOf(long circuitId, long entryId) {
        jdbc.sql("select id from account where circuit_id = :c and id in (select account_id from posting "
                        + "where entry_id = :e) order by id for no key update")
                .param("c", circuitId).param("e", entryId).query(Long.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenedLot> lotsOpenedBy(long circuitId, long entryId) {
        return jdbc.sql("select id, issuer_company_id, amount, remaining from lot where circuit_id = :c "
                        + "and entry_id = :e order by id")
                .param("c", circuitId).param("e", entryId)
                .query((rs, n) -> new OpenedLot(rs.getLong(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private record LotState(long accountId, long owner, long remaining, Instant expiresAt, long moves, Long issuer,
                            Purpose purpose) {
    }

    private Optional<LotState> lotState(long circuitId, long lotId) {
        return jdbc.sql("select l.account_id, a.owner_id, l.remaining, l.expires_at, l.issuer_company_id, a.kind, "
                        + "(select count(*) from lot_movement m where m.lot_id = l.id) as moves "
                        + "from lot l join account a on a.id = l.account_id where l.id = :id and l.circuit_id = :c")
                .param("id", lotId).param("c", circuitId)
                .query((rs, n) -> new LotState(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        instant(rs, "expires_at"), rs.getLong("moves"), (Long) rs.getObject("issuer_company_id"),
                        AccountKind.valueOf(rs.getString("kind")).purpose()))
                .optional();
    }

    @Override
    public Optional<PostedEntry> expireLot(long circuitId, long lotId, Instant asOf) {
        Optional<LotState> lot = lotState(circuitId, lotId);
        if (lot.isEmpty()) {
            return Optional.empty();
        }
        // lock the member's account, then read the lot again: a redemption may have used it meanwhile
        jdbc.sql("select id from account where id = :a for no key update").param("a", lot.get().accountId())
                .query(Long.class).single();
        LotState current = lotState(circuitId, lotId).orElseThrow();
        if (current.remaining() == 0 || current.expiresAt() == null || current.expiresAt().isAfter(asOf)) {
            return Optional.empty();
        }
        // the movement count makes the key unique per expiry, should restored points expire a second time
        return Optional.of(post(EntryDraft.transfer(circuitId,
                        "lot:" + lotId + ":expire:" + current.moves(),
                        current.purpose() == Purpose.POINTS ? "EXPIRY" : current.purpose().name() + "_EXPIRY",
                        current.purpose().money() ? "Wallet amount expired" : "Points expired")
                .move(AccountRef.member(current.purpose().available(), current.owner()),
                        AccountRef.circuit(current.purpose().expired()),
                        current.remaining(), new LotRule.ConsumeLot(lotId), null)
                .member(current.purpose().heldByMember() ? current.owner() : null).company(current.issuer())
                .actor("system").build()));
    }

    @Override
    public List<org.loyaltyhub.ledger.LotFlow> lotFlows(long entryId, java.util.Collection<AccountKind> towards) {
        return lotFlows.ofEntry(entryId, towards);
    }

    @Override
    @Transactional(readOnly = true)
    public List<org.loyaltyhub.ledger.LotFlow> lotFlows(long circuitId, java.time.LocalDate first,
                                                        java.time.LocalDate last,
                                                        java.util.Collection<AccountKind> towards) {
        return lotFlows.ofDays(circuitId, first, last, towards);
    }

    @Override
    @Transactional(readOnly = true)
    public LedgerCheck check(Long circuitId) {
        return checker.check(circuitId);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
