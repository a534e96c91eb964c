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

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public ClusterJobs(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Returns the job's result, or {@code null} when another node holds the job's lock. */
    public <T> T runExclusively(String jobName, Supplier<T> job) {
        return tx.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:name, 0))")
                    .param("name", "loyaltyhub-job:" + jobName).query(Boolean.class).single();
            return locked ? job.get() : null;
        });
    }
}
