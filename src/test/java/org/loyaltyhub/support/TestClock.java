package org.loyaltyhub.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in integration tests: it follows real time until a test moves it ({@link #advance},
 * {@link #set}); {@link IntegrationTest} puts it back after every test, so a moved clock never leaks into the next
 * test. Jobs and services read time only from the injected {@link Clock}, so moving this one moves them all.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves time forward (or back, with a negative duration) from wherever it is now. */
    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Makes "now" the given instant; time keeps running from there. */
    public void set(Instant now) {
        offset.set(Duration.between(Instant.now(), now));
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
