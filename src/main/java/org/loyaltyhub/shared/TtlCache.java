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
        put(key, value);
        return value;
    }

    /** The value stored for the key while it is fresh. */
    public java.util.Optional<V> find(K key) {
        Entry<V> hit = entries.get(key);
        return hit != null && hit.until() - System.nanoTime() > 0 ? java.util.Optional.of(hit.value())
                : java.util.Optional.empty();
    }

    /** Stores a value (when full, every entry is dropped first: the cache stays bounded). */
    public void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime() + ttl.toNanos()));
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    /** Drops every entry whose value matches. */
    public void invalidateIf(java.util.function.Predicate<V> matching) {
        entries.values().removeIf(e -> matching.test(e.value()));
    }

    private record Entry<V>(V value, long until) {
    }
}
