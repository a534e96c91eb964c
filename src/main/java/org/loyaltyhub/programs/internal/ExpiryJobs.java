package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Expires lots that are due and releases reservations whose time ran out. Runs on one node at a time; each lot
 * or hold is settled in its own transaction under an idempotent business key, so a crash midway is harmless.
 */
@Component
public class ExpiryJobs {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJobs.class);
    private static final int BATCH = 500;

    private final Ledger ledger;
    private final RedemptionService redemptions;
    private final ClusterJobs jobs;
    private final TransactionTemplate each;
    private final Clock clock;

    ExpiryJobs(Ledger ledger, RedemptionService redemptions, ClusterJobs jobs, PlatformTransactionManager tx,
               Clock clock) {
        this.ledger = ledger;
        this.redemptions = redemptions;
        this.jobs = jobs;
        this.each = new TransactionTemplate(tx);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public record Run(int lotsExpired, int holdsReleased) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.expiry-interval:PT1M}", initialDelayString = "PT30S")
    void scheduled() {
        Run run = runAt(clock.instant());
        if (run != null && (run.lotsExpired() > 0 || run.holdsReleased() > 0)) {
            log.info("Expiry: {} lots expired, {} reservations released", run.lotsExpired(), run.holdsReleased());
        }
    }

    /** Runs one round as of {@code asOf}, each item on its own; null when another node is running it. */
    public Run runAt(Instant asOf) {
        return jobs.runExclusively("expiry", () -> {
            int lots = 0;
            int holds = 0;
            for (Ledger.Hold hold : ledger.holdsDue(asOf, BATCH)) {
                holds += independently("reservation " + hold.id(),
                        () -> redemptions.expire(hold.circuitId(), hold.id()));
            }
            for (Ledger.DueLot lot : ledger.lotsDue(asOf, BATCH)) {
                lots += independently("lot " + lot.lotId(),
                        () -> ledger.expireLot(lot.circuitId(), lot.lotId(), asOf).isPresent());
            }
            return new Run(lots, holds);
        });
    }

    /** Settles one item in its own transaction: 1 when done, 0 when it failed (logged, left for the next round). */
    private int independently(String item, java.util.function.Supplier<Boolean> settle) {
        try {
            return Boolean.TRUE.equals(each.execute(s -> settle.get())) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("Expiry: {} skipped this round: {}", item, e.getMessage());
            return 0;
        }
    }
}
