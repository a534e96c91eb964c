package org.loyaltyhub.ledger.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.shared.OnCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds or opens accounts. Ids never change, so they are cached once the transaction that saw them commits, and not
 * when the savepoint that opened one rolls back ({@link OnCommit}).
 */
@Repository
class Accounts {

    private static final int CACHE_LIMIT = 200_000;

    private final JdbcClient jdbc;
    private final Cache<Key, Long> cache = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long id(long circuitId, AccountRef ref) {
        Key key = new Key(circuitId, ref);
        Long cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        // the unit: points, SMS credits, or the circuit's currency for a money purpose (amounts in its minor unit)
        long id = jdbc.sql("insert into account (circuit_id, kind, owner_id, unit, materialized) values (:c, :kind, "
                        + ":owner, case when :money then (select currency from circuit where id = :c) else :unit end, "
                        + ":materialized) on conflict do nothing returning id")
                .param("c", circuitId).param("kind", ref.kind().name()).param("owner", ref.ownerId())
                .param("money", ref.kind().money()).param("unit", ref.kind().purpose().unit(null))
                .param("materialized", ref.kind().floored()).query(Long.class).optional()
                .or(() -> find(circuitId, ref)).orElseThrow();
        remember(key, id);
        return id;
    }

    /** The ids of many accounts of a circuit, the missing ones opened together in one statement. */
    Map<AccountRef, Long> ids(long circuitId, java.util.Collection<AccountRef> refs) {
        Map<AccountRef, Long> ids = new java.util.HashMap<>();
        List<AccountRef> missing = new ArrayList<>();
        for (AccountRef ref : new java.util.LinkedHashSet<>(refs)) {
            Long cached = cache.getIfPresent(new Key(circuitId, ref));
            if (cached != null) {
                ids.put(ref, cached);
            } else {
                missing.add(ref);
            }
        }
        if (missing.isEmpty()) {
            return ids;
        }
        Map<List<Object>, AccountRef> byKindAndOwner = new java.util.HashMap<>();
        missing.forEach(ref -> byKindAndOwner.put(Arrays.asList(ref.kind().name(), ref.ownerId()), ref));
        jdbc.sql("""
                        insert into account (circuit_id, kind, owner_id, unit, materialized)
                        select ?, u.kind, u.owner,
                               case when u.money then (select currency from circuit where id = ?) else u.unit end,
                               u.materialized
                          from unnest(?::text[], ?::bigint[], ?::boolean[], ?::text[], ?::boolean[])
                               as u(kind, owner, money, unit, materialized)
                        on conflict do nothing returning id, kind, owner_id""")
                .params(circuitId, circuitId, missing.stream().map(r -> r.kind().name()).toArray(String[]::new),
                        missing.stream().map(AccountRef::ownerId).toArray(Long[]::new),
                        missing.stream().map(r -> r.kind().money()).toArray(Boolean[]::new),
                        missing.stream().map(r -> r.kind().purpose().unit(null)).toArray(String[]::new),
                        missing.stream().map(r -> r.kind().floored()).toArray(Boolean[]::new))
                .query(rs -> {
                    AccountRef ref = byKindAndOwner.get(Arrays.asList(rs.getString(2), (Long) rs.getObject(3)));
                    ids.put(ref, rs.getLong(1));
                    remember(new Key(circuitId, ref), rs.getLong(1));
                });
        for (AccountRef ref : missing) {
            if (!ids.containsKey(ref)) {
                ids.put(ref, find(circuitId, ref).orElseThrow());
            }
        }
        return ids;
    }

    Optional<Long> find(long circuitId, AccountRef ref) {
        Key key = new Key(circuitId, ref);
        Long cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> id = jdbc.sql("select id from account where circuit_id = :c and kind = :kind "
                        + "and owner_id is not distinct from :owner")
                .param("c", circuitId).param("kind", ref.kind().name()).param("owner", ref.ownerId())
                .query(Long.class).optional();
        id.ifPresent(found -> remember(key, found));
        return id;
    }

    private void remember(Key key, long id) {
        OnCommit.run(() -> cache.put(key, id));
    }

    private record Key(long circuitId, AccountRef ref) {
    }
}
