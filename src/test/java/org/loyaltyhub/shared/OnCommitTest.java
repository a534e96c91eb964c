package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Work registered for the commit runs after it, and not when its transaction or its savepoint rolls back. */
class OnCommitTest extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    private TransactionTemplate outer() {
        return new TransactionTemplate(transactions);
    }

    private TransactionTemplate nested() {
        TransactionTemplate t = new TransactionTemplate(transactions);
        t.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return t;
    }

    @Test
    void workRegisteredInASavepointThatRollsBackNeverRunsWhileTheRestRunsAfterTheCommit() {
        List<String> done = new ArrayList<>();
        outer().executeWithoutResult(tx -> {
            OnCommit.run(() -> done.add("before"));
            nested().executeWithoutResult(sp -> {
                OnCommit.run(() -> done.add("rolled back"));
                nested().executeWithoutResult(inner -> OnCommit.run(() -> done.add("inner, rolled back too")));
                sp.setRollbackOnly();
            });
            nested().executeWithoutResult(sp -> OnCommit.run(() -> done.add("released")));
            OnCommit.run(() -> done.add("after"));
            assertThat(done).as("nothing before the commit").isEmpty();
        });
        assertThat(done).containsExactly("before", "released", "after");
    }

    @Test
    void aSavepointOpenedBeforeAnyWorkWasRegisteredDropsAllOfItsWork() {
        List<String> done = new ArrayList<>();
        outer().executeWithoutResult(tx -> {
            nested().executeWithoutResult(sp -> {
                OnCommit.run(() -> done.add("first of the transaction, rolled back"));
                sp.setRollbackOnly();
            });
            OnCommit.run(() -> done.add("kept"));
        });
        assertThat(done).containsExactly("kept");
    }

    @Test
    void nothingRunsWhenTheTransactionRollsBackAndWithoutATransactionItRunsAtOnce() {
        List<String> done = new ArrayList<>();
        outer().executeWithoutResult(tx -> {
            OnCommit.run(() -> done.add("lost"));
            tx.setRollbackOnly();
        });
        assertThat(done).isEmpty();
        OnCommit.run(() -> done.add("now"));
        assertThat(done).containsExactly("now");
    }
}
