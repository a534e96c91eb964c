package org.loyaltyhub.ledger.internal;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The balances this transaction has just written to floored accounts. Their rows stay locked by the transaction until
 * it ends, so a balance read later in the same transaction is the written one: no need to ask the database again.
 */
final class WrittenBalances {

    private static final Object KEY = WrittenBalances.class;

    private WrittenBalances() {
    }

    static void remember(long accountId, long balance) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Long, Long> written = (Map<Long, Long>) TransactionSynchronizationManager.getResource(KEY);
        if (written == null) {
            Map<Long, Long> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                        }
                    });
            written = fresh;
        }
        written.put(accountId, balance);
    }

    /** A savepoint rolled back: what it wrote is no longer true. */
    static void forgetAll() {
        Object written = TransactionSynchronizationManager.getResource(KEY);
        if (written instanceof Map<?, ?> map) {
            map.clear();
        }
    }

    static Optional<Long> of(long accountId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Object written = TransactionSynchronizationManager.getResource(KEY);
        return written instanceof Map<?, ?> map ? Optional.ofNullable((Long) map.get(accountId)) : Optional.empty();
    }
}
