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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes entries. The entry row is inserted first with its business key (a replay stops there); then the floored
 * accounts are locked in id order, checked, and their balances, postings and lots written in the same transaction.
 * A refused movement throws, and the caller's transaction (or savepoint) takes the entry row back with it.
 */
@Component
class Journal {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Lots lots;

    Journal(JdbcClient jdbc, Accounts accounts, Lots lots) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.lots = lots;
    }

    PostedEntry post(EntryDraft d) {
        try {
            return postOnce(d);
        } catch (RuntimeException e) {
            // a refusal may roll back only a savepoint: balances written before it must not be believed
            WrittenBalances.forgetAll();
            throw e;
        }
    }

    private PostedEntry postOnce(EntryDraft d) {
        Map<AccountRef, Long> ids = new LinkedHashMap<>();
        for (Leg leg : d.legs()) {
            ids.computeIfAbsent(leg.account(), ref -> accounts.id(d.circuitId(), ref));
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

    /** The entry and its postings in one statement; empty when the business key was posted before (a replay). */
    private Optional<Long> insertEntryWithPostings(EntryDraft d, Map<AccountRef, Long> ids) {
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>(List.of(d.circuitId(), d.businessKey(), d.kind(), d.reason()));
        params.add(d.note());
        params.add(d.memberId());
        params.add(d.companyId());
        params.add(d.storeId());
        params.add(d.actor());
        params.add(d.reversesId());
        for (Leg leg : d.legs()) {
            values.append(values.isEmpty() ? "" : ",").append("(?::bigint, ?::bigint)");
            params.add(ids.get(leg.account()));
            params.add(leg.amount());
        }
        return jdbc.sql("with entry as (insert into journal_entry (circuit_id, business_key, kind, reason, note, "
                        + "member_id, company_id, store_id, actor, reverses_id) values (?, ?, ?, ?, ?, ?::bigint, ?::bigint, "
                        + "?::bigint, ?, ?::bigint) on conflict do nothing returning id) "
                        + "insert into posting (entry_id, account_id, amount) select entry.id, v.account, v.amount "
                        + "from entry, (values " + values + ") as v(account, amount) returning entry_id")
                .params(params).query(Long.class).list().stream().findFirst();
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
