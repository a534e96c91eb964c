package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.PurchaseColumn;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.purchases.PastPurchases;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes a queued import of past purchases, called by {@link ImportRunner} under its cluster lock: chunks of rows,
 * each one transaction with the job's watermark (a restart resumes after the last chunk committed), each row a
 * savepoint (a row whose points the funding budget cannot cover is refused without undoing its chunk).
 */
@Component
class PurchaseImportRunner {

    private static final Logger log = LoggerFactory.getLogger(PurchaseImportRunner.class);

    private final ImportJobs jobs;
    private final PurchaseImportService imports;
    private final PastPurchases purchases;
    private final ClusterJobs cluster;
    private final Clock clock;
    private final TransactionTemplate eachRow;
    private final int chunk;

    PurchaseImportRunner(ImportJobs jobs, PurchaseImportService imports, PastPurchases purchases, ClusterJobs cluster,
                         Clock clock, PlatformTransactionManager transactions,
                         @Value("${loyaltyhub.imports.chunk:500}") int chunk) {
        this.jobs = jobs;
        this.imports = imports;
        this.purchases = purchases;
        this.cluster = cluster;
        this.clock = clock;
        this.eachRow = new TransactionTemplate(transactions);
        this.eachRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.chunk = chunk;
    }

    /** Runs the import from its watermark to the end; false when a chunk could not run (the next round resumes). */
    boolean run(ImportJob job, CsvFile csv) {
        PurchaseScreening screening = imports.screening(job.circuitId(), csv, job.companyId());
        List<CsvFile.Record> records = csv.records();
        for (int i = 0; i < job.done(); i++) {
            screening.next(records.get(i), false); // what earlier chunks saw, to find duplicates of it
        }
        for (int from = job.done(); from < records.size(); from += chunk) {
            int to = Math.min(records.size(), from + chunk);
            List<CsvFile.Record> rows = records.subList(from, to);
            if (!cluster.runItem("Import", "#" + job.id() + " rows " + from + "-" + to,
                    () -> write(job, screening, rows, to))) {
                log.warn("Import #{} stopped at row {}; the next round resumes there", job.id(), from);
                return false;
            }
        }
        return cluster.runItem("Import", "#" + job.id() + " end", () -> {
            jobs.finished(job.id(), clock.instant());
            return true;
        });
    }

    private boolean write(ImportJob job, PurchaseScreening screening, List<CsvFile.Record> rows, int next) {
        int imported = 0;
        int refused = 0;
        long points = 0;
        for (CsvFile.Record r : rows) {
            List<RowError> errors = switch (screening.next(r, true)) {
                case PurchaseScreening.Refused(List<RowError> flaws) -> flaws;
                case PurchaseScreening.Passed() -> List.of();
                case PurchaseScreening.Ready ready -> {
                    Written written = record(job, ready);
                    points += written.points();
                    yield written.refusal();
                }
            };
            if (errors.isEmpty()) {
                imported++;
            } else {
                refused++;
                jobs.refuse(job.circuitId(), job.id(), r.line(), errors, r.raw());
            }
        }
        jobs.advanced(job.id(), next, imported, refused, points);
        return true;
    }

    /** What writing a row came to: the points credited, or why it was refused. */
    private record Written(long points, List<RowError> refusal) {
    }

    private Written record(ImportJob job, PurchaseScreening.Ready ready) {
        PurchaseRow row = ready.row();
        try {
            OptionalLong credited = eachRow.execute(status -> purchases.recordPast(job.circuitId(),
                    new PastPurchases.PastPurchase(ready.memberId(), row.storeId(), row.channel(), row.orderId(),
                            row.total(), row.refunded(), row.occurredAt()), job.earnPoints(), "import:" + job.id()));
            return credited.isPresent() ? new Written(credited.getAsLong(), List.of())
                    : new Written(0, List.of(new RowError(row.line(), PurchaseColumn.ORDER_ID,
                    RowFlaw.ALREADY_RECORDED)));
        } catch (InsufficientBalance e) {
            return new Written(0, List.of(new RowError(row.line(), PurchaseColumn.AMOUNT, RowFlaw.NOT_FUNDED)));
        }
    }
}
