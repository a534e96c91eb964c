package org.loyaltyhub.purchases.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Each store's signing key (32 random bytes, made on first use): it signs the store's receipt codes and its rotating
 * check-in codes, each over messages of their own shape so that one can never pass for the other.
 */
@Repository
public class StoreKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    StoreKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The store's key, made now if it has none yet. */
    public byte[] key(long circuitId, long storeId) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("insert into store_key (circuit_id, store_id, secret) values (:c, :s, :k) on conflict do nothing")
                .param("c", circuitId).param("s", storeId).param("k", fresh).update();
        return existing(circuitId, storeId).orElseThrow();
    }

    /** The store's key if it has one: a code checked against a store without a key cannot be genuine. */
    public Optional<byte[]> existing(long circuitId, long storeId) {
        return jdbc.sql("select secret from store_key where circuit_id = :c and store_id = :s")
                .param("c", circuitId).param("s", storeId).query(byte[].class).optional();
    }
}
