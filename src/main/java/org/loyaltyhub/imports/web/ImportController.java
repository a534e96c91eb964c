package org.loyaltyhub.imports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.imports.DryRun;
import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.internal.ImportService;
import org.loyaltyhub.imports.internal.ImportSettings;
import org.loyaltyhub.imports.internal.PurchaseImportService;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Imports of members and opening balances, and of members' past purchases, from a CSV (the file is the request
 * body); the exports are {@link ExportController}'s. Circuit administrators only.
 */
@RestController
@Tag(name = "Import and export", description = "Members, consents, cards and opening balances from another loyalty "
        + "system's CSV (dry run, then a background run), and the members with their points as CSV")
class ImportController {

    private final ImportService imports;
    private final PurchaseImportService purchases;
    private final Clock clock;

    ImportController(ImportService imports, PurchaseImportService purchases, Clock clock) {
        this.imports = imports;
        this.purchases = purchases;
        this.clock = clock;
    }

    /** An import as the API shows it, with its progress. */
    record ImportView(ImportJob job, int percent, long rowsPerSecond, Long secondsLeft) {
        static ImportView of(ImportJob job, Clock clock) {
            var left = job.timeLeft(clock.instant());
            return new ImportView(job, job.percent(), job.rate(clock.instant()), left == null ? null : left.toSeconds());
        }
    }

    @PostMapping("/api/v1/imports/members/dry-run")
    @Operation(summary = "Check a members CSV row by row (encoding, separators, dates, duplicates, consents): counts "
            + "and the first errors with their lines; nothing is written",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    DryRun dryRun(Caller caller, @RequestBody(required = false) byte[] file,
                  @Parameter(description = "The system the members come from") @RequestParam String source,
                  @Parameter(description = "The company whose budget funds the opening balances (absent: the "
                          + "circuit's issuance)") @RequestParam(required = false) Long companyId,
                  @Parameter(description = "When balances without their own expiry expire (absent: never)")
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                  LocalDate pointsExpireOn) {
        return imports.dryRun(caller, file, imports.settings(caller, source, companyId, pointsExpireOn));
    }

    @PostMapping("/api/v1/imports/members")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a members CSV in the background; the same file again answers with the same import "
            + "and writes nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    ImportView start(Caller caller, @RequestBody(required = false) byte[] file, @RequestParam String source,
                     @RequestParam(required = false) Long companyId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                     LocalDate pointsExpireOn,
                     @Parameter(description = "The file's name, as the import list shows it")
                     @RequestParam(required = false) String fileName) {
        ImportSettings settings = imports.settings(caller, source, companyId, pointsExpireOn);
        return ImportView.of(imports.start(caller, fileName, file, settings), clock);
    }

    @PostMapping("/api/v1/imports/purchases/dry-run")
    @Operation(summary = "Check a past purchases CSV row by row (dates, amounts, stores, members found, orders "
            + "recorded already): counts and the first errors with their lines; nothing is written",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    DryRun dryRunPurchases(Caller caller, @RequestBody(required = false) byte[] file,
                           @Parameter(description = "The system the purchases come from") @RequestParam String source,
                           @Parameter(description = "The company whose first store takes rows that name no store "
                                   + "or company") @RequestParam(required = false) Long companyId) {
        return purchases.dryRun(caller, file, imports.settings(caller, source, companyId, null));
    }

    @PostMapping("/api/v1/imports/purchases")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a past purchases CSV in the background (for tiers, indicators and RFM; points only "
            + "with earnPoints); the same file again answers with the same import and writes nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    ImportView startPurchases(Caller caller, @RequestBody(required = false) byte[] file, @RequestParam String source,
                              @RequestParam(required = false) Long companyId,
                              @Parameter(description = "Credit the points the earning rule gives, expiring as if "
                                      + "earned on the purchase's day (default: no points)")
                              @RequestParam(required = false, defaultValue = "false") boolean earnPoints,
                              @Parameter(description = "The file's name, as the import list shows it")
                              @RequestParam(required = false) String fileName) {
        ImportSettings settings = imports.settings(caller, source, companyId, null);
        return ImportView.of(purchases.start(caller, fileName, file, settings, earnPoints), clock);
    }

    @GetMapping("/api/v1/imports")
    @Operation(summary = "The latest imports of the circuit, newest first")
    List<ImportView> latest(Caller caller) {
        return imports.latest(caller).stream().map(j -> ImportView.of(j, clock)).toList();
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "An import's status and progress: rows done of the total, rate, time left")
    ImportView job(Caller caller, @PathVariable long id) {
        return ImportView.of(imports.job(caller, id), clock);
    }

    @GetMapping(value = "/api/v1/imports/{id}/refused.csv", produces = "text/csv")
    @Operation(summary = "The rows an import refused, as CSV: line, reasons, the row as it was")
    void refused(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        imports.job(caller, id);
        try (Writer out = csv(response, "import-" + id + "-refused.csv")) {
            imports.refusedCsv(caller, id, out);
        }
    }

    static Writer csv(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }
}
