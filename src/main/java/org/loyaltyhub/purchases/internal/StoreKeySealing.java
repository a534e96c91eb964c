package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seals the store keys written in the clear before keys were sealed at rest (V355), once the application is up: on
 * one node at a time, each store in its own transaction, a store already sealed skipped, so a restart or a second node
 * finishes what was left. Until then {@link StoreKeys} reads a key in the clear as it is, so codes keep verifying.
 */
@Component
class StoreKeySealing {

    private static final Logger log = LoggerFactory.getLogger(StoreKeySealing.class);
    private static final int BATCH = 500;

    private final StoreKeys keys;
    private final ClusterJobs jobs;

    StoreKeySealing(StoreKeys keys, ClusterJobs jobs) {
        this.keys = keys;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Integer sealed = sealAll();
        if (sealed != null && sealed > 0) {
            log.info("Sealed {} store signing keys stored in the clear", sealed);
        }
    }

    /** The keys sealed now; null when another node is doing it. */
    Integer sealAll() {
        return jobs.runExclusively("seal-store-keys", () -> {
            int total = 0;
            int done;
            do {
                done = 0;
                for (long[] store : keys.inTheClear(BATCH)) {
                    String item = "store " + store[1] + " of circuit " + store[0];
                    if (jobs.runItem("seal-store-keys", item, () -> keys.seal(store[0], store[1]))) {
                        done++;
                    }
                }
                total += done;
            } while (done == BATCH);
            return total;
        });
    }
}
