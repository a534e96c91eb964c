package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.integrations.internal.ShopCodes.ShopCode;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Codes that ran out unused (or whose order was cancelled) are deleted in the shop and their points (or wallet
 * money) given back.
 * One node runs it at a time; each code is settled on its own, and a shop that cannot be reached is tried again
 * next round. Codes are left a few minutes past their end for a late order's webhook to arrive first.
 */
@Component
class CodeExpiry {

    private static final Logger log = LoggerFactory.getLogger(CodeExpiry.class);
    static final Duration LATE_ORDERS = Duration.ofMinutes(15);
    /** A code still PENDING this long after its hold was left by a server that stopped mid-way. */
    static final Duration UNCONFIRMED = Duration.ofMinutes(5);

    private final ShopCodes codes;
    private final Connections connections;
    private final ShopPlatforms platforms;
    private final CodeService codeService;
    private final ClusterJobs jobs;
    private final TransactionTemplate each;
    private final Clock clock;

    CodeExpiry(ShopCodes codes, Connections connections, ShopPlatforms platforms, CodeService codeService,
               ClusterJobs jobs, PlatformTransactionManager tm, Clock clock) {
        this.codes = codes;
        this.connections = connections;
        this.platforms = platforms;
        this.codeService = codeService;
        this.jobs = jobs;
        this.each = new TransactionTemplate(tm);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.integrations.code-expiry-interval:PT5M}", initialDelayString = "PT1M")
    void scheduled() {
        Integer expired = runAt(clock.instant());
        if (expired != null && expired > 0) {
            log.info("Shop codes: {} expired codes deleted and their points released", expired);
        }
    }

    /** One round as of {@code asOf}; the number of codes expired, or null when another node is running it. */
    Integer runAt(Instant asOf) {
        return jobs.runExclusively("shop-code-expiry", () -> {
            int done = 0;
            for (ShopCode code : codes.due(asOf.minus(LATE_ORDERS), 200)) {
                done += expire(code) ? 1 : 0;
            }
            for (ShopCode code : codes.unconfirmed(asOf.minus(UNCONFIRMED), 200)) {
                settle(code);
            }
            return done;
        });
    }

    /**
     * A code whose creation was never confirmed: if the shop has it, it is open; if not, its points go back at once
     * rather than staying held until the code's end. A shop that cannot be asked is asked again next round.
     */
    private void settle(ShopCode code) {
        Connection c = connections.find(code.connectionId()).orElseThrow();
        Optional<String> shopId;
        try {
            shopId = platforms.of(c.platform()).discounts().orElseThrow().find(c, code.code());
        } catch (DiscountApi.Refused | ShopHttp.Unreachable | RuntimeException e) {
            log.warn("Shop code {} of connection {} could not be looked up in the shop: {}", code.code(), c.id(),
                    e.getMessage());
            return;
        }
        each.executeWithoutResult(s -> {
            if (shopId.isPresent()) {
                codes.created(code.id(), shopId.get());
            } else if (codes.failed(code.id(), "the shop never confirmed the code; its points were released")) {
                codeService.release(c, code, "The shop never created the code");
            }
        });
        log.info("Shop code {} of connection {} was left unconfirmed: {}", code.code(), c.id(),
                shopId.isPresent() ? "the shop has it, it is open" : "the shop does not have it, its points are released");
    }

    private boolean expire(ShopCode code) {
        Connection c = connections.find(code.connectionId()).orElseThrow();
        try {
            DiscountApi api = platforms.of(c.platform()).discounts().orElseThrow();
            Optional<String> shopId = code.shopId() != null ? Optional.of(code.shopId()) : api.find(c, code.code());
            if (shopId.isPresent()) {
                api.delete(c, shopId.get());
            }
        } catch (DiscountApi.Refused | ShopHttp.Unreachable | RuntimeException e) {
            log.warn("Shop code {} of connection {} could not be deleted in the shop: {}", code.code(), c.id(),
                    e.getMessage());
            each.executeWithoutResult(s -> codes.problem(code.id(), "deleting in the shop: " + e.getMessage()));
            return false;
        }
        each.executeWithoutResult(s -> {
            codeService.release(c, code, "Discount code expired unused");
            codes.expired(code.id());
        });
        return true;
    }
}
