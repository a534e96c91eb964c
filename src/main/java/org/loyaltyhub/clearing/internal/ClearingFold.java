package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.ClusterJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the clearing deltas posted since the last round into the daily rows, on one node at a time, a batch per
 * transaction: a batch deletes the deltas it adds, so a round stopped half-way leaves the rest for the next one and
 * nothing is counted twice. Reports read the deltas not folded yet, so the fold only keeps them fast.
 */
@Component
public class ClearingFold {

    static final int BATCH = 50_000;

    private final ClearingFlows flows;
    private final ClusterJobs jobs;

    ClearingFold(ClearingFlows flows, ClusterJobs jobs) {
        this.flows = flows;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.clearing-fold-interval:PT1M}", initialDelayString = "PT40S")
    void scheduled() {
        run();
    }

    /** One round; returns how many deltas it folded, or null when another node is folding. */
    public Long run() {
        return jobs.runExclusively("clearing-fold", () -> {
            long total = 0;
            int folded;
            do {
                int[] batch = new int[1];
                jobs.runItem("Clearing fold", "a batch", () -> (batch[0] = flows.fold(BATCH)) > 0);
                folded = batch[0];
                total += folded;
            } while (folded == BATCH);
            return total;
        });
    }
}
