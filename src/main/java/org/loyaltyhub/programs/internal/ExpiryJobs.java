package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

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
    private final Clock clock;

    private final WalletService wallets;

    ExpiryJobs(Ledger ledger, RedemptionService redemptions, ClusterJobs jobs, Clock clock, WalletService wallets) {
        this.wallets = wallets;
        this.ledger = ledger;
        this.redemptions = redemptions;
        this.jobs = jobs;
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
                holds += jobs.runItem("Expiry", "reservation " + hold.id(),
                        () -> hold.purpose().money() ? wallets.expire(hold.circuitId(), hold.id())
                                : redemptions.expire(hold.circuitId(), hold.id())) ? 1 : 0;
            }
            for (Ledger.DueLot lot : ledger.lotsDue(asOf, BATCH)) {
                lots += jobs.runItem("Expiry", "lot " + lot.lotId(),
                        () -> ledger.expireLot(lot.circuitId(), lot.lotId(), asOf).isPresent()) ? 1 : 0;
            }
            return new Run(lots, holds);
        });
    }
}
