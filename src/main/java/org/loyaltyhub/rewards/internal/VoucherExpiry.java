package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Expires issued vouchers past their expiry, giving their points back when the reward says so. One node at a time;
 * each voucher in a transaction of its own that re-checks it under a lock, so a crash or a rerun changes nothing twice.
 */
@Component
public class VoucherExpiry {

    private static final Logger log = LoggerFactory.getLogger(VoucherExpiry.class);
    private static final int BATCH = 500;

    private final VoucherService vouchers;
    private final ClusterJobs jobs;
    private final Clock clock;

    VoucherExpiry(VoucherService vouchers, ClusterJobs jobs, Clock clock) {
        this.vouchers = vouchers;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.voucher-expiry-interval:PT5M}", initialDelayString = "PT45S")
    void scheduled() {
        Integer expired = runAt(clock.instant());
        if (expired != null && expired > 0) {
            log.info("Voucher expiry: {} vouchers expired", expired);
        }
    }

    /** One round as of {@code asOf}: how many vouchers expired; null when another node runs it. */
    public Integer runAt(Instant asOf) {
        return jobs.runExclusively("voucher-expiry", () -> {
            int expired = 0;
            for (Voucher v : vouchers.due(asOf, BATCH)) {
                expired += jobs.runItem("Voucher expiry", "voucher " + v.id(),
                        () -> vouchers.expire(v.circuitId(), v.id(), asOf)) ? 1 : 0;
            }
            return expired;
        });
    }
}
