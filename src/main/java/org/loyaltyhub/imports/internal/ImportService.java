package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.DryRun;
import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.UnreadableFile;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.CsvCells;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports from a CSV, for the circuit administrator alone (a company administrator is refused: members moved in
 * belong to the whole circuit). The dry run reads every row and writes nothing; the real run queues the file for
 * {@link ImportRunner}. The same file uploaded again is the same import (by its SHA-256), so it changes nothing.
 */
@Service
@Transactional
public class ImportService {

    /** How many rows the dry run asks the database about at once. */
    private static final int SCREENED_TOGETHER = 500;

    private final ImportJobs jobs;
    private final Members members;
    private final Tenancy tenancy;
    private final Clock clock;

    ImportService(ImportJobs jobs, Members members, Tenancy tenancy, Clock clock) {
        this.jobs = jobs;
        this.members = members;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The settings a caller asks for, checked: the company must be of their circuit. */
    public ImportSettings settings(Caller caller, String source, Long companyId, LocalDate pointsExpireOn) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (companyId != null) {
            tenancy.company(caller, companyId);
        }
        return new ImportSettings(source, companyId, pointsExpireOn,
                tenancy.circuit(caller.circuit()).defaultCountry());
    }

    @Transactional(readOnly = true)
    public DryRun dryRun(Caller caller, byte[] file, ImportSettings settings) {
        caller.require(Role.CIRCUIT_ADMIN);
        CsvFile csv = CsvFile.read(file);
        Screening screening = screening(caller.circuit(), csv, settings);
        int accepted = 0;
        long points = 0;
        int refused = 0;
        List<RowError> errors = new ArrayList<>();
        List<RowReader.Outcome> outcomes = new ArrayList<>(csv.records().size());
        for (int from = 0; from < csv.records().size(); from += SCREENED_TOGETHER) {
            outcomes.addAll(screening.next(csv.records().subList(from,
                    Math.min(csv.records().size(), from + SCREENED_TOGETHER)), true));
        }
        for (RowReader.Outcome outcome : outcomes) {
            switch (outcome) {
                case RowReader.Accepted(ImportRow row) -> {
                    accepted++;
                    points += row.points();
                }
                case RowReader.Refused(List<RowError> flaws) -> {
                    refused++;
                    flaws.stream().limit(DryRun.ERRORS_SHOWN - errors.size()).forEach(errors::add);
                }
            }
        }
        return new DryRun(csv.encoding(), csv.separator() == '\t' ? "tab" : String.valueOf(csv.separator()),
                csv.records().size(), accepted, refused, points, List.copyOf(errors),
                RowReader.unknownColumns(csv.header()));
    }

    /** Queues the real run; an earlier upload of the same file answers with its import instead. */
    public ImportJob start(Caller caller, String fileName, byte[] file, ImportSettings settings) {
        caller.require(Role.CIRCUIT_ADMIN);
        CsvFile csv = CsvFile.read(file);
        if (csv.records().isEmpty()) {
            throw new UnreadableFile(UnreadableFile.Reason.NO_ROWS);
        }
        return jobs.queue(caller.circuit(), fileName(fileName), sha256(file), settings, file, csv.records().size(),
                caller.actor(), clock.instant());
    }

    @Transactional(readOnly = true)
    public ImportJob job(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        return jobs.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Import", id));
    }

    @Transactional(readOnly = true)
    public List<ImportJob> latest(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return jobs.latest(caller.circuit(), 20);
    }

    /** The refused rows as CSV: line, reasons, then the row as it was in the file. */
    @Transactional(readOnly = true)
    public void refusedCsv(Caller caller, long id, Writer out) {
        job(caller, id);
        try {
            out.write(CsvCells.row(List.of("line", "reasons", "row")));
            jobs.refusals(caller.circuit(), id, r -> {
                try {
                    out.write(CsvCells.row(List.of(r)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Screening screening(long circuitId, CsvFile csv, ImportSettings settings) {
        RowReader reader = new RowReader(csv.header(), settings, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return new Screening(reader, list -> members.taken(circuitId, list));
    }

    /** The name an import is listed under: the upload's, without control characters, at most 200 characters. */
    static String fileName(String fileName) {
        String typed = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "").strip();
        return typed.isEmpty() ? "import.csv" : typed.substring(0, Math.min(200, typed.length()));
    }

    static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
