package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Erases the shops whose removal is due (asked by the shop, see {@link Privacy#requestShopRemoval}). One node runs
 * it at a time (an advisory lock); an erased connection is marked, so a second round or another node does nothing.
 */
@Component
class ShopRemovals {

    private static final Logger log = LoggerFactory.getLogger(ShopRemovals.class);

    private final Connections connections;
    private final Privacy privacy;
    private final ClusterJobs jobs;
    private final Clock clock;

    ShopRemovals(Connections connections, Privacy privacy, ClusterJobs jobs, Clock clock) {
        this.connections = connections;
        this.privacy = privacy;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.integrations.removal-interval:PT1H}", initialDelayString = "PT2M")
    void scheduled() {
        Integer erased = runAt(clock.instant());
        if (erased != null && erased > 0) {
            log.info("Shop removals: {} connections erased as their shops asked", erased);
        }
    }

    /** One round as of {@code asOf}: the number of connections erased, or null when another node is running it. */
    Integer runAt(Instant asOf) {
        return jobs.runExclusively("shop-removal", () -> {
            int erased = 0;
            for (long id : connections.removalsDue(asOf, 50)) {
                erased += jobs.runItem("Shop removal", "connection " + id, () -> {
                    privacy.forgetShop(connections.find(id).orElseThrow());
                    return true;
                }) ? 1 : 0;
            }
            return erased;
        });
    }
}
