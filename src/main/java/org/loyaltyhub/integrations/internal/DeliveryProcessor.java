package org.loyaltyhub.integrations.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Processes stored deliveries off the request thread: a small bounded pool takes each one right after it is
 * stored, and a sweeper retries failures with backoff and picks up whatever a crash or a full queue left behind.
 * Each delivery is processed in one transaction that holds its row lock (other nodes skip it), so it is done
 * exactly once or not at all.
 */
@Component
public class DeliveryProcessor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);
    private static final Duration LEFT_BEHIND = Duration.ofSeconds(60);

    private final Deliveries deliveries;
    private final Connections connections;
    private final ShopPlatforms platforms;
    private final TransactionTemplate tx;
    private final IntegrationSettings settings;
    private final ThreadPoolExecutor pool;
    private final org.loyaltyhub.shared.Meters meters;

    /** Tests slow the handling down here, to show that the shop's answer does not wait for it. */
    volatile LongConsumer beforeHandling = id -> { };

    DeliveryProcessor(Deliveries deliveries, Connections connections, ShopPlatforms platforms,
                      PlatformTransactionManager transactions, IntegrationSettings settings,
                      org.loyaltyhub.shared.Meters meters) {
        this.meters = meters;
        this.deliveries = deliveries;
        this.connections = connections;
        this.platforms = platforms;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1000), Thread.ofVirtual().name("shop-delivery-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues a stored delivery; when the queue is full the sweeper will get to it. */
    public void submit(long deliveryId) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            // asked inside a transaction (a replay): the worker must see what it committed
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            hand(deliveryId);
                        }
                    });
            return;
        }
        hand(deliveryId);
    }

    private void hand(long deliveryId) {
        try {
            pool.execute(() -> process(deliveryId));
        } catch (RejectedExecutionException full) {
            log.warn("Delivery queue full; delivery {} waits for the sweeper", deliveryId);
        }
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.integrations.sweep-interval:PT30S}", initialDelayString = "PT20S")
    void sweep() {
        for (long id : deliveries.due(settings.maxAttempts(), LEFT_BEHIND, 200)) {
            process(id);
        }
    }

    /** Processes the delivery if it still needs it and nobody else holds it; returns what it came to. */
    Delivery.Status process(long deliveryId) {
        try {
            return tx.execute(status -> deliveries.claim(deliveryId).map(this::handle).orElse(null));
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            Delivery d = deliveries.find(deliveryId).orElse(null);
            int attempts = d == null ? 0 : d.attempts() + 1;
            boolean permanent = e instanceof IllegalArgumentException || e instanceof tools.jackson.core.JacksonException;
            if (permanent) {
                tx.executeWithoutResult(s -> deliveries.failForGood(deliveryId, error));
            } else {
                Duration retryIn = Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts, 9)));
                tx.executeWithoutResult(s -> deliveries.fail(deliveryId, error, retryIn));
            }
            log.warn("Delivery {} failed (attempt {}{}): {}", deliveryId, attempts, permanent ? ", not retried" : "", error);
            if (d != null) {
                meters.webhookDelivery(d.platform(), Delivery.Status.FAILED);
            }
            return Delivery.Status.FAILED;
        }
    }

    private Delivery.Status handle(Delivery d) {
        beforeHandling.accept(d.id());
        Connection c = connections.find(d.connectionId()).orElseThrow();
        JsonNode body = Json.parse(d.body());
        Outcome outcome = platforms.of(d.platform()).handle(c, d.topic(), body);
        deliveries.finish(d.id(), outcome.status(), outcome.note(), outcome.customerRef());
        meters.webhookDelivery(d.platform(), outcome.status());
        return outcome.status();
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
