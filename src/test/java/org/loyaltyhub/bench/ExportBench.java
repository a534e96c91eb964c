package org.loyaltyhub.bench;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.privacy.MemberRights;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;

/**
 * The export phase (issue 15): a circuit of its own with one member who has {@code movements} movements, posted
 * through the ledger as the application would (entries, postings, lots); then the member's export (ZIP with JSON,
 * CSV and HTML) built {@link #RUNS} times after a warm-up, timed (median and slowest).
 */
final class ExportBench {

    static final int RUNS = 7;

    record Result(int movements, double seedSeconds, double medianMillis, double slowestMillis, int zipBytes) {
    }

    private ExportBench() {
    }

    static Result run(ApplicationContext context, int movements) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Ledger ledger = context.getBean(Ledger.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        long t0 = System.nanoTime();
        long circuit = jdbc.sql("insert into circuit (name, currency) values (:n, 'EUR') returning id")
                .param("n", "Bench export " + System.currentTimeMillis()).query(Long.class).single();
        long member = jdbc.sql("insert into member (circuit_id, first_name, last_name, email) values (:c, 'Bench', "
                + "'Export', :e) returning id").param("c", circuit).param("e", "export-" + circuit + "@bench.test")
                .query(Long.class).single();
        for (int from = 0; from < movements; from += 1000) {
            int start = from;
            tx.executeWithoutResult(s -> {
                for (int i = start; i < Math.min(start + 1000, movements); i++) {
                    ledger.post(EntryDraft.transfer(circuit, "bench:export:" + i, "EARN", "Points earned")
                            .move(AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), AccountRef.available(member),
                                    1 + i % 50, null, new LotRule.NewLot(null, null))
                            .member(member).actor("bench").build());
                }
            });
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        MemberRights rights = context.getBean(MemberRights.class);
        int size = rights.exportOwn(circuit, member).zip().length;
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            rights.exportOwn(circuit, member);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return new Result(movements, seedSeconds, millis[RUNS / 2], millis[RUNS - 1], size);
    }
}
