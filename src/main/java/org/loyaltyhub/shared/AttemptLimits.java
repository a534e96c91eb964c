package org.loyaltyhub.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts attempts (failed sign-ins, sign-ups) per subject in a window kept in the database, so every application
 * node sees the same counts. A subject is what is counted under a limit: an address, an account, an account from an
 * address; only its SHA-256 is stored.
 */
@Component
public class AttemptLimits {

    /** At most {@code max} attempts per {@code window} for each subject counted under {@code name}. */
    public record Limit(String name, int max, Duration window) {
    }

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Clock clock;

    AttemptLimits(JdbcClient jdbc, ClusterJobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** How long the subject must wait before its next attempt; empty when it may try now. */
    public Optional<Duration> wait(Limit limit, String subject) {
        Instant now = clock.instant();
        return jdbc.sql("select started_at from attempt_counter where subject = :s and attempts >= :max "
                        + "and started_at > :since")
                .param("s", key(limit, subject)).param("max", limit.max())
                .param("since", Timestamp.from(now.minus(limit.window())))
                .query(Timestamp.class).optional()
                .map(started -> Duration.between(now, started.toInstant().plus(limit.window())));
    }

    /** Counts one attempt of the subject. */
    public void count(Limit limit, String subject) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into attempt_counter (subject, attempts, started_at) values (:s, 1, :now)
                        on conflict (subject) do update set
                            attempts = case when attempt_counter.started_at > :since then attempt_counter.attempts + 1 else 1 end,
                            started_at = case when attempt_counter.started_at > :since then attempt_counter.started_at else :now end""")
                .param("s", key(limit, subject)).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(limit.window()))).update();
    }

    /** Starts the subject's count again (after a successful sign-in, say). */
    public void forget(Limit limit, String subject) {
        jdbc.sql("delete from attempt_counter where subject = :s").param("s", key(limit, subject)).update();
    }

    /** Counters whose window ended long ago are removed, by one node at a time. */
    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.cleanup-interval:PT1H}", initialDelayString = "PT3M")
    void removeOld() {
        jobs.runExclusively("attempt-counter-cleanup", () -> jdbc.sql("delete from attempt_counter where started_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update());
    }

    private static String key(Limit limit, String subject) {
        return OneTimeTokens.hash(limit.name() + "\n" + subject.toLowerCase(java.util.Locale.ROOT));
    }
}
