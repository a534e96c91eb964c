package org.loyaltyhub.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what the application does just after answering (a job's item, a record written once a page is sent). */
public final class Eventually {

    private Eventually() {
    }

    /** Polls the probe until the condition holds and returns what it saw, failing after ten seconds. */
    public static <T> T until(Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = probe.get();
        }
        return last;
    }
}
