package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.ledger.Leg;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes many entries of one circuit together, as if each were posted alone in their order: the entries in one
 * statement (a business key posted before is a replay and writes nothing), their postings in another, the floored
 * accounts locked in id order and checked entry by entry, their balances changed in one statement, and the lots the
 * entries open with their movements in one more. All or nothing: a balance that would go below zero refuses the whole
 * batch. Entries that consume or restore lots, or reverse another, need the lots read first: they go through
 * {@link Journal} one by one.
 */
@Component
class JournalBatch {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Journal journal;

    JournalBatch(JdbcClient jdbc, Accounts accounts, Journal journal) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.journal = journal;
    }

    List<PostedEntry> post(List<EntryDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        long circuitId = drafts.getFirst().circuitId();
        if (!drafts.stream().allMatch(d -> d.circuitId() == circuitId && d.reversesId() == null && opensLotsOnly(d))) {
            return drafts.stream().map(journal::post).toList();
        }
        try {
            return postTogether(circuitId, drafts);
        } catch (RuntimeException e) {
            // the caller's savepoint may roll back: balances written before the refusal must not be believed
            WrittenBalances.forgetAll();
            throw e;
        }
    }

    /** Whether every leg on a lot-tracking account is a credit that opens a lot (nothing to read before writing). */
    private static boolean opensLotsOnly(EntryDraft d) {
        return d.legs().stream().filter(l -> l.account().kind().tracksLots()).allMatch(l -> l.amount() >= 0
                && (l.lot() instanceof LotRule.NewLot || l.lot() instanceof LotRule.Oldest));
    }

    private List<PostedEntry> postTogether(long circuitId, List<EntryDraft> drafts) {
        Set<AccountRef> refs = new LinkedHashSet<>();
        drafts.forEach(d -> d.legs().forEach(l -> refs.add(l.account())));
        Map<AccountRef, Long> ids = accounts.ids(circuitId, refs);
        Map<String, Long> inserted = insertEntries(circuitId, drafts);
        List<PostedEntry> posted = new ArrayList<>(drafts.size());
        List<EntryDraft> fresh = new ArrayList<>();
        List<Long> freshIds = new ArrayList<>();
        Map<String, Long> replayed = replays(circuitId, drafts, inserted);
        for (EntryDraft d : drafts) {
            Long id = inserted.remove(d.businessKey()); // a key twice in the batch: its second draft is a replay
            if (id != null) {
                fresh.add(d);
                freshIds.add(id);
                posted.add(new PostedEntry(id, false));
            } else {
                Long before = replayed.get(d.businessKey());
                posted.add(new PostedEntry(before != null ? before : postedFirst(posted, drafts, d), true));
            }
        }
        if (fresh.isEmpty()) {
            return posted;
        }
        insertPostings(fresh, freshIds, ids);
        changeBalances(fresh, ids);
        openLots(circuitId, fresh, freshIds, ids);
        fresh.forEach(journal::count);
        return posted;
    }

    /** The entry rows, in the drafts' order; the id of each business key written now (not the replays). */
    private Map<String, Long> insertEntries(long circuitId, List<EntryDraft> drafts) {
        Map<String, Long> inserted = new HashMap<>();
        jdbc.sql("""
                        insert into journal_entry (circuit_id, business_key, kind, reason, note, member_id, company_id,
                                                   store_id, actor)
                        select ?, u.key, u.kind, u.reason, u.note, u.member, u.company, u.store, u.actor
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
                                      ?::text[]) with ordinality
                               as u(key, kind, reason, note, member, company, store, actor, ord)
                         order by u.ord
                        on conflict do nothing returning id, business_key""")
                .params(circuitId, column(drafts, EntryDraft::businessKey), column(drafts, EntryDraft::kind),
                        column(drafts, EntryDraft::reason), column(drafts, EntryDraft::note),
                        drafts.stream().map(EntryDraft::memberId).toArray(Long[]::new),
                        drafts.stream().map(EntryDraft::companyId).toArray(Long[]::new),
                        drafts.stream().map(EntryDraft::storeId).toArray(Long[]::new),
                        column(drafts, EntryDraft::actor))
                .query(rs -> {
                    inserted.put(rs.getString(2), rs.getLong(1));
                });
        return inserted;
    }

    /** The entries of business keys posted before this batch. */
    private Map<String, Long> replays(long circuitId, List<EntryDraft> drafts, Map<String, Long> inserted) {
        String[] keys = drafts.stream().map(EntryDraft::businessKey).filter(k -> !inserted.containsKey(k)).distinct()
                .toArray(String[]::new);
        Map<String, Long> existing = new HashMap<>();
        if (keys.length > 0) {
            jdbc.sql("select business_key, id from journal_entry where circuit_id = ? and business_key = any(?::text[])")
                    .params(circuitId, keys).query(rs -> {
                        existing.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return existing;
    }

    /** A draft whose key an earlier draft of the same batch wrote: that draft's entry. */
    private static long postedFirst(List<PostedEntry> posted, List<EntryDraft> drafts, EntryDraft d) {
        for (int i = 0; i < posted.size(); i++) {
            if (drafts.get(i).businessKey().equals(d.businessKey())) {
                return posted.get(i).id();
            }
        }
        throw new IllegalStateException("entry " + d.businessKey() + " neither written nor found");
    }

    private void insertPostings(List<EntryDraft> fresh, List<Long> freshIds, Map<AccountRef, Long> ids) {
        List<Long> entry = new ArrayList<>();
        List<Long> account = new ArrayList<>();
        List<Long> amount = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            for (Leg leg : fresh.get(i).legs()) {
                entry.add(freshIds.get(i));
                account.add(ids.get(leg.account()));
                amount.add(leg.amount());
            }
        }
        jdbc.sql("insert into posting (entry_id, account_id, amount) "
                        + "select * from unnest(?::bigint[], ?::bigint[], ?::bigint[])")
                .params(entry.toArray(Long[]::new), account.toArray(Long[]::new), amount.toArray(Long[]::new)).update();
    }

    /**
     * Locks the floored accounts in id order (FOR NO KEY UPDATE, as {@link Journal} does), replays the entries on
     * their balances in order, refusing the first movement that would take one below zero, then writes them all.
     */
    private void changeBalances(List<EntryDraft> fresh, Map<AccountRef, Long> ids) {
        Map<Long, AccountKind> kinds = new TreeMap<>();
        fresh.forEach(d -> d.legs().stream().filter(l -> l.account().kind().floored())
                .forEach(l -> kinds.put(ids.get(l.account()), l.account().kind())));
        if (kinds.isEmpty()) {
            return;
        }
        Map<Long, Long> balances = new HashMap<>();
        jdbc.sql("select id, balance from account where id = any(?::bigint[]) order by id for no key update")
                .params((Object) kinds.keySet().toArray(Long[]::new)).query(rs -> {
                    balances.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, Long> start = new HashMap<>(balances);
        for (EntryDraft d : fresh) {
            Map<Long, Long> net = new TreeMap<>();
            d.legs().stream().filter(l -> l.account().kind().floored())
                    .forEach(l -> net.merge(ids.get(l.account()), l.amount(), Math::addExact));
            for (Map.Entry<Long, Long> change : net.entrySet()) {
                long before = balances.get(change.getKey());
                if (before + change.getValue() < 0) {
                    throw new InsufficientBalance(kinds.get(change.getKey()), before, -change.getValue());
                }
                balances.put(change.getKey(), before + change.getValue());
            }
        }
        Long[] account = kinds.keySet().stream().filter(id -> !balances.get(id).equals(start.get(id)))
                .toArray(Long[]::new);
        if (account.length == 0) {
            return;
        }
        Long[] delta = new Long[account.length];
        for (int i = 0; i < account.length; i++) {
            delta[i] = balances.get(account[i]) - start.get(account[i]);
        }
        // "= any" too: the planner then reads the accounts by their key, not the whole table to join the list
        jdbc.sql("update account set balance = balance + u.delta from unnest(?::bigint[], ?::bigint[]) as u(id, delta) "
                        + "where account.id = u.id and account.id = any(?::bigint[]) returning account.id, account.balance")
                .params(account, delta, account).query(rs -> {
                    WrittenBalances.remember(rs.getLong(1), rs.getLong(2));
                });
    }

    /** The lots the credits open (the leg's issuer and expiry; none for an Oldest credit), each with its movement. */
    private void openLots(long circuitId, List<EntryDraft> fresh, List<Long> freshIds, Map<AccountRef, Long> ids) {
        List<Long> account = new ArrayList<>();
        List<Long> issuer = new ArrayList<>();
        List<Long> entry = new ArrayList<>();
        List<String> expires = new ArrayList<>();
        List<Long> amount = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            for (Leg leg : fresh.get(i).legs()) {
                if (leg.account().kind().tracksLots() && leg.amount() > 0) {
                    LotRule.NewLot lot = leg.lot() instanceof LotRule.NewLot n ? n : new LotRule.NewLot(null, null);
                    account.add(ids.get(leg.account()));
                    issuer.add(lot.issuerCompanyId());
                    entry.add(freshIds.get(i));
                    expires.add(lot.expiresAt() == null ? null : lot.expiresAt().toString());
                    amount.add(leg.amount());
                }
            }
        }
        if (account.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with opened as (
                            insert into lot (circuit_id, account_id, issuer_company_id, entry_id, earned_at, expires_at,
                                             amount, remaining)
                            select ?, u.account, u.issuer, u.entry, now(), u.expires, u.amount, u.amount
                              from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::bigint[])
                                   as u(account, issuer, entry, expires, amount)
                            returning id, entry_id, amount)
                        insert into lot_movement (lot_id, entry_id, amount) select id, entry_id, amount from opened""")
                .params(circuitId, account.toArray(Long[]::new), issuer.toArray(Long[]::new),
                        entry.toArray(Long[]::new), expires.toArray(String[]::new), amount.toArray(Long[]::new))
                .update();
    }

    private static String[] column(List<EntryDraft> drafts, java.util.function.Function<EntryDraft, String> field) {
        return drafts.stream().map(field).toArray(String[]::new);
    }
}
