package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The small read-through cache the remembered sign-ins use: short-lived, bounded, and emptied on a change. */
class ShortLivedCacheTest {

    @Test
    void aValueIsFoundUntilItsTimeIsUp() throws InterruptedException {
        TtlCache<String, Long> cache = new TtlCache<>(Duration.ofMillis(200), 10);
        cache.put("a", 1L);
        assertThat(cache.find("a")).contains(1L);
        assertThat(cache.find("b")).isEmpty();
        Thread.sleep(250); // the entry's own time running out is what is tested here
        assertThat(cache.find("a")).isEmpty();
    }

    @Test
    void aFullCacheStartsAgainEmptyRatherThanGrow() {
        TtlCache<Integer, Integer> cache = new TtlCache<>(Duration.ofMinutes(1), 3);
        for (int i = 0; i < 3; i++) {
            cache.put(i, i);
        }
        cache.put(3, 3);
        assertThat(cache.find(0)).isEmpty();
        assertThat(cache.find(3)).contains(3);
    }

    @Test
    void valuesThatMatchAreDroppedAndTheOthersKept() {
        TtlCache<String, Long> cache = new TtlCache<>(Duration.ofMinutes(1), 10);
        cache.put("password of 7", 7L);
        cache.put("another password of 7", 7L);
        cache.put("password of 8", 8L);
        cache.invalidateIf(operator -> operator == 7L);
        assertThat(cache.find("password of 7")).isEmpty();
        assertThat(cache.find("another password of 7")).isEmpty();
        assertThat(cache.find("password of 8")).contains(8L);
    }
}
