package org.loyaltyhub.programs.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;

/**
 * Which status and money programs a circuit has set up at all (tiers, badges, membership plans, cashback or
 * accumulated discounts, funnels started by a purchase), so that a purchase in a circuit without them costs no query for them: an earn is the
 * hottest path. Read once per circuit every few seconds (like the program settings); creating the first tier,
 * badge, plan, money program or saving a funnel forgets it on this node at once, and other nodes see it within the same seconds.
 * A program removed later is still looked for until then, which costs queries, never a wrong answer.
 */
@Component
public class CircuitFeatures {

    public record Features(boolean tiers, boolean badges, boolean plans, boolean money, boolean purchaseFunnels) {
    }

    private final JdbcClient jdbc;
    private final Cache<Long, Features> cache =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(10_000).build();

    CircuitFeatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Features of(long circuitId) {
        return cache.get(circuitId, this::load);
    }

    /** A program of the circuit was created: forget what was read, now and when the creation commits. */
    public void changed(long circuitId) {
        cache.invalidate(circuitId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(circuitId);
                }
            });
        }
    }

    private Features load(long circuitId) {
        return jdbc.sql("""
                        select exists (select 1 from tier where circuit_id = :c) as tiers,
                               exists (select 1 from badge where circuit_id = :c) as badges,
                               exists (select 1 from membership_plan where circuit_id = :c) as plans,
                               exists (select 1 from money_program where circuit_id = :c) as money,
                               exists (select 1 from funnel where circuit_id = :c and status = 'ACTIVE'
                                       and definition -> 'trigger' ->> 'type' = 'PURCHASE') as purchase_funnels
                        """)
                .param("c", circuitId)
                .query((rs, n) -> new Features(rs.getBoolean("tiers"), rs.getBoolean("badges"),
                        rs.getBoolean("plans"), rs.getBoolean("money"), rs.getBoolean("purchase_funnels")))
                .single();
    }
}
