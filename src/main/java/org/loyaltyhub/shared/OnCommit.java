package org.loyaltyhub.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Work that may only happen once what the current transaction wrote is committed (remembering an id it created in a
 * cache, say): it runs after the commit, never after a rollback, and not when the savepoint it was registered in is
 * rolled back while the transaction goes on (Spring's NESTED propagation tells its synchronizations). Without a
 * transaction it runs at once.
 */
public final class OnCommit {

    private OnCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast).findFirst()
                .orElseGet(() -> {
                    Pending fresh = new Pending();
                    TransactionSynchronizationManager.registerSynchronization(fresh);
                    return fresh;
                });
        pending.actions.add(action);
    }

    /** One transaction's actions, and where each savepoint opened since it was registered began. */
    private static final class Pending implements TransactionSynchronization {

        private final List<Runnable> actions = new ArrayList<>();
        private final Map<Object, Integer> savepoints = new IdentityHashMap<>();

        @Override
        public void savepoint(Object savepoint) {
            savepoints.put(savepoint, actions.size());
        }

        @Override
        public void savepointRollback(Object savepoint) {
            // a savepoint opened before this transaction registered anything: everything here came after it
            int from = savepoints.getOrDefault(savepoint, 0);
            actions.subList(from, actions.size()).clear();
        }

        @Override
        public void afterCommit() {
            actions.forEach(Runnable::run);
        }
    }
}
