package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Each store's signing key (32 random bytes, made on first use): it signs the store's receipt codes and its rotating
 * check-in codes, each over messages of their own shape so that one can never pass for the other. Keys are sealed at
 * rest ({@link SecretBox}, bound to their store so a sealed key cannot be moved to another store's row).
 */
@Repository
public class StoreKeys {

    private final JdbcClient jdbc;
    private final SecretBox box;

    StoreKeys(JdbcClient jdbc, PurchaseSettings settings) {
        this.jdbc = jdbc;
        this.box = new SecretBox(settings.key(), settings.keyFile(), "purchases key (loyaltyhub.purchases.key)");
    }

    /** The store's key, made now if it has none yet. */
    public byte[] key(long circuitId, long storeId) {
        byte[] fresh = SecretBox.randomBytes(32);
        jdbc.sql("insert into store_key (circuit_id, store_id, sealed) values (:c, :s, :k) on conflict do nothing")
                .param("c", circuitId).param("s", storeId).param("k", box.seal(purpose(circuitId, storeId), fresh))
                .update();
        return existing(circuitId, storeId).orElseThrow();
    }

    /** The store's key if it has one: a code checked against a store without a key cannot be genuine. */
    public Optional<byte[]> existing(long circuitId, long storeId) {
        return jdbc.sql("select secret, sealed from store_key where circuit_id = :c and store_id = :s")
                .param("c", circuitId).param("s", storeId)
                .query((rs, n) -> rs.getBytes("sealed") != null
                        ? box.open(purpose(circuitId, storeId), rs.getBytes("sealed")) : rs.getBytes("secret"))
                .optional();
    }

    /** Stores whose key is still in the clear (written before keys were sealed). */
    List<long[]> inTheClear(int limit) {
        return jdbc.sql("select circuit_id, store_id from store_key where secret is not null order by circuit_id, "
                        + "store_id limit :n").param("n", limit)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Seals the store's key if it is in the clear, keeping its bytes; false when there was nothing to do. */
    boolean seal(long circuitId, long storeId) {
        Optional<byte[]> clear = jdbc.sql("""
                        select secret from store_key where circuit_id = :c and store_id = :s and secret is not null
                        for update""").param("c", circuitId).param("s", storeId).query(byte[].class).optional();
        return clear.isPresent() && jdbc.sql("""
                        update store_key set sealed = :k, secret = null where circuit_id = :c and store_id = :s""")
                .param("k", box.seal(purpose(circuitId, storeId), clear.get())).param("c", circuitId)
                .param("s", storeId).update() == 1;
    }

    private static String purpose(long circuitId, long storeId) {
        return "store_key:" + circuitId + ":" + storeId;
    }
}
