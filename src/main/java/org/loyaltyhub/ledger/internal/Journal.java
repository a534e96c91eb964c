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

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes entries. The entry row is inserted first with its business key (a replay stops there); then the floored
 * accounts are locked in id order, checked, and their balances, postings and lots written in the same transaction.
 * An entry with at most one floored account whose lots are only opened (an earn, a capture) is written in a single
 * statement instead: entry, postings, the conditional balance change and the new lots together.
 * A refused movement throws, and the caller's transaction (or savepoint) takes the entry row back with it.
 */
@Component
class Journal {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Lots lots;
    private final org.loyaltyhub.shared.Meters meters;
    private static final java.util.Set<AccountKind> FUNDING = java.util.EnumSet.of(AccountKind.CIRCUIT_ISSUANCE,
            AccountKind.COMPANY_BUDGET, AccountKind.ADJUSTMENTS);

    Journal(JdbcClient jdbc, Accounts accounts, Lots lots, org.loyaltyhub.shared.Meters meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.lots = lots;
    }

    PostedEntry post(EntryDraft d) {
        try {
            PostedEntry posted = postOnce(d);
            if (!posted.replayed()) {
                count(d);
            }
            return posted;
        } catch (RuntimeException e) {
            // a refusal may roll back only a savepoint: balances written before it must not be believed
            WrittenBalances.forgetAll();
            throw e;
        }
    }

    /**
     * Points issued: credited to a member by an entry funded from the circuit's issuance, a company budget or a manual
     * adjustment. Points
     * redeemed: what reaches the redeemed account. Reversals count as the flows they are, never subtracted.
     */
    void count(EntryDraft d) {
        boolean funded = d.legs().stream().anyMatch(l -> l.amount() < 0 && FUNDING.contains(l.account().kind()));
        long issued = 0;
        long redeemed = 0;
        for (Leg leg : d.legs()) {
            AccountKind kind = leg.account().kind();
            if (funded && leg.amount() > 0 && (kind == AccountKind.MEMBER_AVAILABLE || kind == AccountKind.MEMBER_PENDING)) {
                issued += leg.amount();
            } else if (kind == AccountKind.REDEEMED && leg.amount() > 0) {
                redeemed += leg.amount();
            }
        }
        if (issued > 0) {
            meters.pointsIssued(issued);
        }
        if (redeemed > 0) {
            meters.pointsRedeemed(redeemed);
        }
    }

    private PostedEntry postOnce(EntryDraft d) {
        Map<AccountRef, Long> ids = new LinkedHashMap<>();
        for (Leg leg : d.legs()) {
            ids.computeIfAbsent(leg.account(), ref -> accounts.id(d.circuitId(), ref));
        }
        if (oneStatement(d)) {
            return postInOneStatement(d, ids);
        }
        Optional<Long> inserted = insertEntryWithPostings(d, ids);
        if (inserted.isEmpty()) {
            return new PostedEntry(existing(d.circuitId(), d.businessKey(), d.reversesId()), true);
        }
        long entryId = inserted.get();
        // a refusal below rolls back the caller's transaction (or savepoint), the entry and postings with it
        updateBalances(lockAndCheck(d, ids));
        for (Leg leg : d.legs()) {
            if (leg.account().kind().tracksLots()) {
                applyLots(d.circuitId(), ids.get(leg.account()), entryId, leg);
            }
        }
        return new PostedEntry(entryId, false);
    }

    /**
     * Whether the whole entry fits in one statement: at most one floored account (so there is only one row to lock
     * and no lock order to keep) and, on the lot-tracking account, only credits that open a new lot (consuming or
     * restoring lots needs to read them first).
     */
    private static boolean oneStatement(EntryDraft d) {
        AccountRef floored = null;
        for (Leg leg : d.legs()) {
            AccountKind kind = leg.account().kind();
            if (kind.floored()) {
                if (floored != null && !floored.equals(leg.account())) {
                    return false;
                }
                floored = leg.account();
            }
            if (kind.tracksLots() && (leg.amount() < 0
                    || !(leg.lot() instanceof LotRule.NewLot || leg.lot() instanceof LotRule.Oldest))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The entry, its postings, the change of its one floored account's balance and its new lots in a single
     * statement (one round trip instead of three). Each part runs only when the entry row was inserted, so a replay
     * writes nothing. The balance changes only if it stays at or above zero; otherwise the statement still inserted
     * the entry, and the refusal thrown here rolls it back with the caller's transaction (or savepoint), as before.
     */
    private PostedEntry postInOneStatement(EntryDraft d, Map<AccountRef, Long> ids) {
        List<Object> params = entryParams(d);
        StringBuilder sql = new StringBuilder(ENTRY_CTE).append(", posted as (").append(POSTINGS_INSERT);
        appendLegValues(sql, params, d, ids);
        sql.append(")");
        Long flooredId = null;
        long delta = 0;
        for (Leg leg : d.legs()) {
            if (leg.account().kind().floored()) {
                flooredId = ids.get(leg.account());
                delta = Math.addExact(delta, leg.amount());
            }
        }
        if (flooredId != null) {
            sql.append(", floored as (update account set balance = balance + ?::bigint where id = ?::bigint "
                    + "and balance + ?::bigint >= 0 and exists (select from entry) returning balance)");
            params.add(delta);
            params.add(flooredId);
            params.add(delta);
        }
        StringBuilder lotValues = new StringBuilder();
        List<Object> lotParams = new ArrayList<>();
        for (Leg leg : d.legs()) {
            if (leg.account().kind().tracksLots()) {
                // a credit's lot: the leg's own issuer and expiry, or none (Oldest on a credit)
                LotRule.NewLot lot = leg.lot() instanceof LotRule.NewLot n ? n : new LotRule.NewLot(null, null);
                lotValues.append(lotValues.isEmpty() ? "" : ",").append("(?::bigint, ?::bigint, ?::timestamptz, ?::bigint)");
                lotParams.add(ids.get(leg.account()));
                lotParams.add(lot.issuerCompanyId());
                lotParams.add(lot.expiresAt() == null ? null : Timestamp.from(lot.expiresAt()));
                lotParams.add(leg.amount());
            }
        }
        if (!lotValues.isEmpty()) {
            sql.append(", opened as (insert into lot (circuit_id, account_id, issuer_company_id, entry_id, earned_at, "
                            + "expires_at, amount, remaining) select ?::bigint, v.account, v.issuer, entry.id, now(), "
                            + "v.expires, v.amount, v.amount from entry, (values ").append(lotValues)
                    .append(") as v(account, issuer, expires, amount) returning id, entry_id, amount), "
                            + "moved as (insert into lot_movement (lot_id, entry_id, amount) "
                            + "select id, entry_id, amount from opened)");
            params.add(d.circuitId());
            params.addAll(lotParams);
        }
        sql.append(flooredId != null ? " select entry.id, (select balance from floored) from entry"
                : " select entry.id, null::bigint from entry");
        Optional<Long[]> row = jdbc.sql(sql.toString()).params(params).query((rs, n) ->
                new Long[] {rs.getLong(1), (Long) rs.getObject(2)}).optional();
        if (row.isEmpty()) {
            return new PostedEntry(existing(d.circuitId(), d.businessKey(), d.reversesId()), true);
        }
        if (flooredId != null) {
            Long balance = row.get()[1];
            if (balance == null) {
                long now = jdbc.sql("select balance from account where id = :id").param("id", flooredId)
                        .query(Long.class).single();
                AccountKind kind = d.legs().stream().map(l -> l.account().kind()).filter(AccountKind::floored)
                        .findFirst().orElseThrow();
                throw new InsufficientBalance(kind, now, -delta);
            }
            WrittenBalances.remember(flooredId, balance);
        }
        return new PostedEntry(row.get()[0], false);
    }

    private long existing(long circuitId, String key, Long reversesId) {
        Optional<Long> byKey = jdbc.sql("select id from journal_entry where circuit_id = :c and business_key = :key")
                .param("c", circuitId).param("key", key).query(Long.class).optional();
        if (byKey.isPresent()) {
            return byKey.get();
        }
        // the only other unique rule: an entry is reversed at most once
        return jdbc.sql("select id from journal_entry where reverses_id = :r").param("r", reversesId)
                .query(Long.class).single();
    }

    /**
     * Locks the floored accounts in id order and refuses a movement that would take one below zero. The lock is
     * FOR NO KEY UPDATE: it serializes writers of a balance without conflicting with the key-share locks that
     * inserting postings (foreign keys to the accounts) takes, which FOR UPDATE would turn into deadlocks.
     */
    private Map<Long, Long> lockAndCheck(EntryDraft d, Map<AccountRef, Long> ids) {
        Map<Long, Long> net = new TreeMap<>();
        Map<Long, AccountKind> kinds = new LinkedHashMap<>();
        for (Leg leg : d.legs()) {
            if (leg.account().kind().floored()) {
                long id = ids.get(leg.account());
                net.merge(id, leg.amount(), Math::addExact);
                kinds.put(id, leg.account().kind());
            }
        }
        if (net.isEmpty()) {
            return net;
        }
        if (net.size() == 1) {
            // one floored account: a single conditional update locks, checks and changes it
            Map.Entry<Long, Long> only = net.entrySet().iterator().next();
            Optional<Long> changed = jdbc.sql("update account set balance = balance + :d where id = :id "
                            + "and balance + :d >= 0 returning balance")
                    .param("d", only.getValue()).param("id", only.getKey()).query(Long.class).optional();
            changed.ifPresent(balance -> WrittenBalances.remember(only.getKey(), balance));
            if (changed.isEmpty()) {
                long balance = jdbc.sql("select balance from account where id = :id").param("id", only.getKey())
                        .query(Long.class).single();
                throw new InsufficientBalance(kinds.get(only.getKey()), balance, -only.getValue());
            }
            return Map.of();
        }
        Map<Long, Long> balances = new LinkedHashMap<>();
        jdbc.sql("select id, balance from account where id in (:ids) order by id for no key update")
                .param("ids", List.copyOf(net.keySet()))
                .query(rs -> {
                    balances.put(rs.getLong(1), rs.getLong(2));
                });
        for (Map.Entry<Long, Long> change : net.entrySet()) {
            long balance = balances.get(change.getKey());
            if (balance + change.getValue() < 0) {
                throw new InsufficientBalance(kinds.get(change.getKey()), balance, -change.getValue());
            }
        }
        return net;
    }

    private void updateBalances(Map<Long, Long> net) {
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Long, Long> change : net.entrySet()) {
            if (change.getValue() != 0) {
                values.append(values.isEmpty() ? "" : ",").append("(?::bigint, ?::bigint)");
                params.add(change.getKey());
                params.add(change.getValue());
            }
        }
        if (!params.isEmpty()) {
            jdbc.sql("update account set balance = balance + v.delta from (values " + values
                            + ") as v(id, delta) where account.id = v.id returning account.id, account.balance")
                    .params(params).query(rs -> {
                        WrittenBalances.remember(rs.getLong(1), rs.getLong(2));
                    });
        }
    }

    private static final String ENTRY_CTE = "with entry as (insert into journal_entry (circuit_id, business_key, "
            + "kind, reason, note, member_id, company_id, store_id, actor, reverses_id) values (?, ?, ?, ?, ?, ?::bigint, "
            + "?::bigint, ?::bigint, ?, ?::bigint) on conflict do nothing returning id)";

    private static final String POSTINGS_INSERT = "insert into posting (entry_id, account_id, amount) "
            + "select entry.id, v.account, v.amount from entry, (values ";

    private static List<Object> entryParams(EntryDraft d) {
        List<Object> params = new ArrayList<>(List.of(d.circuitId(), d.businessKey(), d.kind(), d.reason()));
        params.add(d.note());
        params.add(d.memberId());
        params.add(d.companyId());
        params.add(d.storeId());
        params.add(d.actor());
        params.add(d.reversesId());
        return params;
    }

    /** The legs as the values list of the postings insert, closing it. */
    private static void appendLegValues(StringBuilder sql, List<Object> params, EntryDraft d, Map<AccountRef, Long> ids) {
        boolean first = true;
        for (Leg leg : d.legs()) {
            sql.append(first ? "" : ",").append("(?::bigint, ?::bigint)");
            first = false;
            params.add(ids.get(leg.account()));
            params.add(leg.amount());
        }
        sql.append(") as v(account, amount)");
    }

    /** The entry and its postings in one statement; empty when the business key was posted before (a replay). */
    private Optional<Long> insertEntryWithPostings(EntryDraft d, Map<AccountRef, Long> ids) {
        List<Object> params = entryParams(d);
        StringBuilder sql = new StringBuilder(ENTRY_CTE).append(" ").append(POSTINGS_INSERT);
        appendLegValues(sql, params, d, ids);
        sql.append(" returning entry_id");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list().stream().findFirst();
    }

    private void applyLots(long circuitId, long accountId, long entryId, Leg leg) {
        long amount = Math.abs(leg.amount());
        if (leg.amount() > 0) {
            switch (leg.lot()) {
                case LotRule.NewLot n -> lots.open(circuitId, accountId, entryId, amount, n.issuerCompanyId(), n.expiresAt());
                case LotRule.Restore r -> lots.restore(accountId, entryId, amount, r.entryId());
                case LotRule.Oldest o -> lots.open(circuitId, accountId, entryId, amount, null, null);
                default -> throw new IllegalArgumentException(leg.lot() + " does not apply to a credit");
            }
        } else {
            switch (leg.lot()) {
                case LotRule.ConsumeFirst c -> lots.consume(accountId, entryId, amount, c.entryId(), null);
                case LotRule.ConsumeLot c -> lots.consume(accountId, entryId, amount, null, c.lotId());
                case LotRule.Oldest o -> lots.consume(accountId, entryId, amount, null, null);
                default -> throw new IllegalArgumentException(leg.lot() + " does not apply to a debit");
            }
        }
    }
}
