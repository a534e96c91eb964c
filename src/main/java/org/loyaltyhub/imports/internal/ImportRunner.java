package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.ImportColumn;
import org.loyaltyhub.imports.ImportKind;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.ClusterJobs;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes queued imports in the background, on one node at a time ({@link ClusterJobs}). Each chunk of rows is one
 * transaction that also moves the job's watermark, so a restart resumes after the last chunk committed and never
 * writes a row twice. A chunk is written together (multi-row statements, one query for its taken keys); a chunk the
 * database or the ledger refuses (a budget too small) is written again row by row, each row a savepoint of its own,
 * so a refused row is reported without undoing its chunk. A member's opening balance is one journal entry keyed by
 * the member.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    static final String KIND = "OPENING_BALANCE";
    /** How long the report of refused rows (people who are not members) is kept after an import ends. */
    static final java.time.Duration KEEP_REFUSALS = java.time.Duration.ofDays(30);

    private final ImportJobs jobs;
    private final ImportService imports;
    private final Members members;
    private final Ledger ledger;
    private final Tenancy tenancy;
    private final ClusterJobs cluster;
    private final Clock clock;
    private final TransactionTemplate inSavepoint;
    private final int chunk;
    private final PurchaseImportRunner purchaseImports;

    ImportRunner(ImportJobs jobs, ImportService imports, Members members, Ledger ledger, Tenancy tenancy,
                 ClusterJobs cluster, Clock clock, PlatformTransactionManager transactions,
                 @Value("${loyaltyhub.imports.chunk:500}") int chunk, PurchaseImportRunner purchaseImports) {
        this.purchaseImports = purchaseImports;
        this.jobs = jobs;
        this.imports = imports;
        this.members = members;
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.cluster = cluster;
        this.clock = clock;
        this.inSavepoint = new TransactionTemplate(transactions);
        this.inSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.chunk = chunk;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.imports.interval:PT2S}",
            initialDelayString = "${loyaltyhub.imports.interval:PT2S}")
    void scheduled() {
        runDue();
    }

    /** Runs every unfinished import to its end; the number of imports finished, or null when another node runs them. */
    public Integer runDue() {
        return cluster.runExclusively("imports", () -> {
            int finished = 0;
            for (long id : jobs.unfinished()) {
                finished += run(id) ? 1 : 0;
            }
            cluster.runItem("Import", "refused rows kept " + KEEP_REFUSALS.toDays() + " days",
                    () -> jobs.forgetRefusals(clock.instant().minus(KEEP_REFUSALS)) > 0);
            return finished;
        });
    }

    private boolean run(long id) {
        if (!cluster.runItem("Import", "#" + id, () -> {
            jobs.started(id, clock.instant());
            return true;
        })) {
            return false;
        }
        ImportJobs.WithFile start = jobs.withFile(id).orElseThrow();
        ImportJob job = start.job();
        if (start.content() == null) {
            return false;
        }
        CsvFile csv = CsvFile.read(start.content());
        if (job.kind() == ImportKind.PURCHASES) {
            return purchaseImports.run(job, csv);
        }
        ImportSettings settings = new ImportSettings(job.source(), job.companyId(), job.pointsExpireOn(),
                tenancy.circuit(job.circuitId()).defaultCountry());
        Screening screening = imports.screening(job.circuitId(), csv, settings);
        List<CsvFile.Record> records = csv.records();
        screening.next(records.subList(0, job.done()), false); // what earlier chunks saw, to find duplicates of it
        for (int from = job.done(); from < records.size(); from += chunk) {
            int to = Math.min(records.size(), from + chunk);
            List<CsvFile.Record> rows = records.subList(from, to);
            if (!cluster.runItem("Import", "#" + id + " rows " + from + "-" + to,
                    () -> write(job, screening, rows, to))) {
                log.warn("Import #{} stopped at row {}; the next round resumes there", id, from);
                return false;
            }
        }
        return cluster.runItem("Import", "#" + id + " end", () -> {
            jobs.finished(id, clock.instant());
            return true;
        });
    }

    private boolean write(ImportJob job, Screening screening, List<CsvFile.Record> rows, int next) {
        List<RowReader.Outcome> outcomes = screening.next(rows, true);
        List<ImportRow> accepted = outcomes.stream().filter(o -> o instanceof RowReader.Accepted)
                .map(o -> ((RowReader.Accepted) o).row()).toList();
        Map<Integer, List<RowError>> refusals = moveIn(job, accepted);
        int imported = 0;
        int refused = 0;
        long points = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<RowError> errors = switch (outcomes.get(i)) {
                case RowReader.Refused(List<RowError> flaws) -> flaws;
                case RowReader.Accepted(ImportRow row) -> refusals.getOrDefault(row.line(), List.of());
            };
            if (errors.isEmpty()) {
                imported++;
                points += ((RowReader.Accepted) outcomes.get(i)).row().points();
            } else {
                refused++;
                jobs.refuse(job.circuitId(), job.id(), rows.get(i).line(), errors, rows.get(i).raw());
            }
        }
        jobs.advanced(job.id(), next, imported, refused, points);
        return true;
    }

    /**
     * The chunk's rows moved in together: members, cards, consents and opening balances in a few multi-row
     * statements, in a savepoint. When the database or the ledger refuses that (a key taken meanwhile, a budget that
     * cannot fund the whole chunk), row by row, each in a savepoint of its own, so the refused rows are known. What
     * refused each row, by line (none: all imported).
     */
    private Map<Integer, List<RowError>> moveIn(ImportJob job, List<ImportRow> rows) {
        try {
            inSavepoint.executeWithoutResult(status -> moveInTogether(job, rows));
            return Map.of();
        } catch (DataAccessException | LoyaltyException e) {
            log.info("Import #{}: a chunk from line {} goes row by row: {}", job.id(), rows.getFirst().line(),
                    e.getMessage());
        }
        Map<Integer, List<RowError>> refusals = new HashMap<>();
        AccountRef source = source(job);
        for (ImportRow row : rows) {
            List<RowError> refusal = moveIn(job, source, row);
            if (!refusal.isEmpty()) {
                refusals.put(row.line(), refusal);
            }
        }
        return refusals;
    }

    private void moveInTogether(ImportJob job, List<ImportRow> rows) {
        List<Long> ids = members.moveIn(job.circuitId(), rows.stream().map(ImportRow::member).toList(), actor(job));
        AccountRef source = source(job);
        List<EntryDraft> balances = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).points() > 0) {
                balances.add(openingBalance(job, source, ids.get(i), rows.get(i)));
            }
        }
        ledger.postAll(balances);
    }

    /** Enrols the member and posts their opening balance in a savepoint; what refused them, or nothing. */
    private List<RowError> moveIn(ImportJob job, AccountRef source, ImportRow row) {
        try {
            inSavepoint.executeWithoutResult(status -> {
                long memberId = members.moveIn(job.circuitId(), row.member(), actor(job));
                if (row.points() > 0) {
                    ledger.post(openingBalance(job, source, memberId, row));
                }
            });
            return List.of();
        } catch (InsufficientBalance e) {
            return List.of(new RowError(row.line(), ImportColumn.POINTS, RowFlaw.NOT_FUNDED));
        } catch (LoyaltyException e) {
            return List.of(new RowError(row.line(), null, RowFlaw.ALREADY_A_MEMBER));
        }
    }

    /**
     * Where opening balances come from: the company's budget when the circuit enforces budgets and a company funds
     * the import, otherwise the circuit's issuance (the company, if any, as the lot's issuer).
     */
    private AccountRef source(ImportJob job) {
        boolean fromBudget = job.companyId() != null && tenancy.circuit(job.circuitId()).budgetsEnforced();
        return fromBudget ? AccountRef.budget(job.companyId()) : AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE);
    }

    /** One entry per member, keyed by the member. */
    private EntryDraft openingBalance(ImportJob job, AccountRef source, long memberId, ImportRow row) {
        return EntryDraft.transfer(job.circuitId(), "opening-balance:" + memberId, KIND,
                        "Opening balance from " + job.source())
                .move(source, AccountRef.available(memberId), row.points(), null,
                        new LotRule.NewLot(job.companyId(), row.expiresAt()))
                .note("import #" + job.id() + ", line " + row.line()).member(memberId).company(job.companyId())
                .actor(actor(job)).build();
    }

    private static String actor(ImportJob job) {
        return "import:" + job.id();
    }
}
