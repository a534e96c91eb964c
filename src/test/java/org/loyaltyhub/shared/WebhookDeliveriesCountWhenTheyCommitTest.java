package org.loyaltyhub.shared;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook delivery is counted when its processing commits: one whose transaction rolls back was never processed
 * (the processor counts it once more, as failed, outside the transaction).
 */
class WebhookDeliveriesCountWhenTheyCommitTest {

    enum Platform { SHOPIFY }

    enum Outcome { PROCESSED, FAILED }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Meters meters = new Meters(registry);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aDeliveryProcessedInATransactionThatRollsBackIsNotCountedAsProcessed() {
        TransactionSynchronizationManager.initSynchronization();
        meters.webhookDelivery(Platform.SHOPIFY, Outcome.PROCESSED);
        assertThat(count(Outcome.PROCESSED)).as("not before the commit").isZero();
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();
        meters.webhookDelivery(Platform.SHOPIFY, Outcome.FAILED);

        assertThat(count(Outcome.PROCESSED)).isZero();
        assertThat(count(Outcome.FAILED)).isEqualTo(1);
    }

    @Test
    void aDeliveryProcessedInATransactionThatCommitsIsCountedOnceAfterTheCommit() {
        TransactionSynchronizationManager.initSynchronization();
        meters.webhookDelivery(Platform.SHOPIFY, Outcome.PROCESSED);
        assertThat(count(Outcome.PROCESSED)).isZero();
        TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());

        assertThat(count(Outcome.PROCESSED)).isEqualTo(1);
    }

    private double count(Outcome outcome) {
        var counter = registry.find("loyaltyhub.webhook.deliveries").tag("platform", "shopify")
                .tag("outcome", outcome.name().toLowerCase()).counter();
        return counter == null ? 0 : counter.count();
    }
}
