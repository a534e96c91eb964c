package org.loyaltyhub.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a scheduled job on one node at a time: the job runs in a transaction holding a PostgreSQL advisory
 * lock named after it, and another node that cannot take the lock skips that round.
 */
@Component
public class ClusterJobs {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClusterJobs.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate eachItem;
    private final Meters meters;

    public ClusterJobs(JdbcClient jdbc, TransactionTemplate tx, Meters meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.tx = tx;
        this.eachItem = new TransactionTemplate(tx.getTransactionManager());
        this.eachItem.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs one item of a job's round in a transaction of its own, so one item that fails neither undoes nor stops
     * the others: true when the item was done, false when there was nothing to do or it failed (logged, and left for
     * the next round).
     */
    public boolean runItem(String jobName, String item, Supplier<Boolean> work) {
        try {
            return Boolean.TRUE.equals(eachItem.execute(status -> work.get()));
        } catch (RuntimeException e) {
            log.warn("{}: {} skipped this round: {}", jobName, item, e.getMessage());
            return false;
        }
    }

    /** Returns the job's result, or {@code null} when another node holds the job's lock. */
    public <T> T runExclusively(String jobName, Supplier<T> job) {
        long start = System.nanoTime(); // a duration, not a date: the clock tests move is not the one to time with
        Meters.JobOutcome[] outcome = {Meters.JobOutcome.FAILED};
        try {
            T result = tx.execute(status -> {
                boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:name, 0))")
                        .param("name", "loyaltyhub-job:" + jobName).query(Boolean.class).single();
                if (!locked) {
                    outcome[0] = Meters.JobOutcome.SKIPPED;
                    return null;
                }
                T done = job.get();
                outcome[0] = Meters.JobOutcome.RAN;
                return done;
            });
            return result;
        } finally {
            meters.jobRun(jobName, outcome[0], java.time.Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
