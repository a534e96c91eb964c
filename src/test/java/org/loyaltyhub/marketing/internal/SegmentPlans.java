package org.loyaltyhub.marketing.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/** For the benchmark: how PostgreSQL runs a saved segment's evaluation (EXPLAIN ANALYZE), read inside the module. */
public final class SegmentPlans {

    private SegmentPlans() {
    }

    public static List<String> explain(ApplicationContext context, long circuitId, long segmentId) {
        SegmentRows rows = context.getBean(SegmentRows.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        SegmentSql.Compiled q = SegmentSql.compile(circuitId, rows.find(circuitId, segmentId).orElseThrow()
                .definition(), Instant.now(), null);
        return new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .execute(s -> {
                    context.getBean(SegmentQueries.class).roomToHash();
                    return jdbc.sql("explain (analyze, buffers) " + SegmentQueries.evaluation(q)).params(q.params())
                            .param("after", 0L).param("limit", 50).query(String.class).list();
                });
    }
}
