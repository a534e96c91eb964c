package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.DryRun;
import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.ImportKind;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.UnreadableFile;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.purchases.PastPurchases;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Imports of members' past purchases from a CSV, for the circuit administrator alone, on the members' machinery: the
 * dry run reads every row (and asks who the members are) and writes nothing; the real run queues the file for
 * {@link PurchaseImportRunner}. The same file again is the same import; the same order again is refused as
 * recorded already.
 */
@Service
@Transactional
public class PurchaseImportService {

    private final ImportJobs jobs;
    private final Members members;
    private final PastPurchases purchases;
    private final Tenancy tenancy;
    private final Clock clock;

    PurchaseImportService(ImportJobs jobs, Members members, PastPurchases purchases, Tenancy tenancy, Clock clock) {
        this.jobs = jobs;
        this.members = members;
        this.purchases = purchases;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DryRun dryRun(Caller caller, byte[] file, ImportSettings settings) {
        caller.require(Role.CIRCUIT_ADMIN);
        CsvFile csv = CsvFile.read(file);
        PurchaseScreening screening = screening(caller.circuit(), csv, settings.companyId());
        int accepted = 0;
        int refused = 0;
        List<RowError> errors = new ArrayList<>();
        for (CsvFile.Record r : csv.records()) {
            if (screening.next(r, true) instanceof PurchaseScreening.Refused(List<RowError> flaws)) {
                refused++;
                flaws.stream().limit(DryRun.ERRORS_SHOWN - errors.size()).forEach(errors::add);
            } else {
                accepted++;
            }
        }
        return new DryRun(csv.encoding(), csv.separator() == '\t' ? "tab" : String.valueOf(csv.separator()),
                csv.records().size(), accepted, refused, 0, List.copyOf(errors),
                PurchaseRowReader.unknownColumns(csv.header()));
    }

    /** Queues the real run; an earlier upload of the same file answers with its import instead. */
    public ImportJob start(Caller caller, String fileName, byte[] file, ImportSettings settings, boolean earnPoints) {
        caller.require(Role.CIRCUIT_ADMIN);
        CsvFile csv = CsvFile.read(file);
        if (csv.records().isEmpty()) {
            throw new UnreadableFile(UnreadableFile.Reason.NO_ROWS);
        }
        return jobs.queue(caller.circuit(), ImportKind.PURCHASES, earnPoints, ImportService.fileName(fileName),
                ImportService.sha256(file), settings, file, csv.records().size(), caller.actor(), clock.instant());
    }

    PurchaseScreening screening(long circuitId, CsvFile csv, Long companyId) {
        Circuit circuit = tenancy.circuit(circuitId);
        List<Store> stores = tenancy.circuitStores(circuitId).stream().sorted(Comparator.comparingLong(Store::id))
                .toList();
        PurchaseRowReader reader = new PurchaseRowReader(csv.header(), new PurchaseRowReader.Context(
                circuit.currency(), circuit.defaultCountry(), stores, tenancy.companiesOf(circuitId), companyId,
                clock.instant()));
        return new PurchaseScreening(reader, new PurchaseScreening.Circuit() {
            @Override
            public java.util.Optional<Long> member(org.loyaltyhub.members.MemberIdentifier identifier) {
                return members.find(circuitId, identifier);
            }

            @Override
            public boolean recorded(PurchaseRow row) {
                return purchases.recorded(circuitId, row.storeId(), row.channel(), row.orderId());
            }
        });
    }
}
