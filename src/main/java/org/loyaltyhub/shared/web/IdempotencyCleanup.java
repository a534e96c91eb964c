package org.loyaltyhub.shared.web;

import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets stored answers to idempotent requests once no client would still retry them (24 hours by default), so the
 * table does not grow for ever. Runs on one node at a time, in batches.
 */
@Component
class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Duration keep;

    IdempotencyCleanup(JdbcClient jdbc, ClusterJobs jobs, Clock clock,
                       @Value("${loyaltyhub.api.idempotency-keep:PT24H}") Duration keep) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.cleanup-interval:PT1H}", initialDelayString = "PT2M")
    void scheduled() {
        Integer removed = removeOlderThan(keep);
        if (removed != null && removed > 0) {
            log.info("Forgot {} answers to idempotent requests older than {}", removed, keep);
        }
    }

    /** Removes stored answers older than {@code age}; null when another node is doing it. */
    Integer removeOlderThan(Duration age) {
        return jobs.runExclusively("idempotency-cleanup", () -> {
            int total = 0;
            int removed;
            do {
                removed = jdbc.sql("delete from idempotent_request where ctid in (select ctid from idempotent_request "
                                + "where created_at < :before limit 5000)")
                        .param("before", Timestamp.from(clock.instant().minus(age))).update();
                total += removed;
            } while (removed == 5000);
            return total;
        });
    }
}
