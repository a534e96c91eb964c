package org.loyaltyhub.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small read-through cache for settings that every request reads and that rarely change (circuits, stores,
 * program settings). Entries live for a short time, so a change made on another node shows within that time;
 * the node that makes a change invalidates its own copy at once.
 */
public final class TtlCache<K, V> {

    private final Duration ttl;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TtlCache(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> hit = entries.get(key);
        if (hit != null && hit.until() - now > 0) {
            return hit.value();
        }
        V value = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttl.toNanos()));
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    private record Entry<V>(V value, long until) {
    }
}
