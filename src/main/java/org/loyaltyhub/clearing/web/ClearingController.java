package org.loyaltyhub.clearing.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.clearing.internal.Clearing;
import org.loyaltyhub.clearing.internal.ClearingReport;
import org.loyaltyhub.clearing.internal.Period;
import org.loyaltyhub.clearing.internal.Settlement;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Clearing between companies: the report for a period (a month by default), its exports, closing periods and
 * marking settlements paid. Circuit administrators see and do everything; company administrators see their own.
 */
@RestController
class ClearingController {

    private final Clearing clearing;
    private final ClearingDownloads downloads;

    ClearingController(Clearing clearing, ClearingDownloads downloads) {
        this.clearing = clearing;
        this.downloads = downloads;
    }

    /** A period to close: {@code from} and {@code to} (ISO days), or a {@code month} (2026-11). */
    record PeriodRequest(String from, String to, String month) {
    }

    record PaymentRequest(String paidOn, String reference) {
    }

    @Operation(summary = "Clearing for a period: value issued by one company and redeemed at another, per purpose "
            + "(points valued at the program's rate), netted into who owes whom. from/to (ISO days, both included) or "
            + "month (2026-11); the current UTC month by default. Frozen when the period is exactly a closed one")
    @GetMapping("/api/v1/clearing")
    ClearingReport report(Caller caller, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) String month) {
        return clearing.report(caller, downloads.period(from, to, month));
    }

    @Operation(summary = "The clearing report as CSV (text/csv): one row per gross flow, one per netted position")
    @GetMapping("/api/v1/clearing/csv")
    void csv(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        downloads.csv(caller, downloads.period(from, to, month), response);
    }

    @Operation(summary = "A company's clearing statement as a PDF (a company administrator's own; companyId for the "
            + "circuit administrator), in Italian or English after Accept-Language")
    @GetMapping("/api/v1/clearing/statement")
    ResponseEntity<byte[]> statement(Caller caller, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String month,
                                     @RequestParam(required = false) Long companyId, Locale locale) {
        return downloads.statement(caller, downloads.period(from, to, month), companyId, locale);
    }

    @Operation(summary = "The netted flows between companies as an SVG chart")
    @GetMapping("/api/v1/clearing/chart")
    ResponseEntity<String> chart(Caller caller, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String month, Locale locale) {
        return downloads.chart(caller, downloads.period(from, to, month), locale);
    }

    @Operation(summary = "Closed periods, newest first, with their frozen numbers and settlements")
    @GetMapping("/api/v1/clearing/periods")
    List<ClearingReport> periods(Caller caller) {
        return clearing.periods(caller);
    }

    @GetMapping("/api/v1/clearing/periods/{id}")
    ClearingReport period(Caller caller, @PathVariable long id) {
        return clearing.period(caller, id);
    }

    @Operation(summary = "Closes a period that is over (circuit administrator): its numbers are frozen at today's "
            + "point value and a settlement is opened per netted position. Closing the same period again returns it "
            + "unchanged; a period overlapping a closed one is refused (409 period-closed)")
    @PostMapping("/api/v1/clearing/periods")
    ClearingReport close(Caller caller, @RequestBody PeriodRequest request) {
        if (request == null) {
            throw new InvalidInput("month", "give the period to close");
        }
        return clearing.close(caller, downloads.period(request.from(), request.to(), request.month()));
    }

    @Operation(summary = "Marks a settlement paid (circuit administrator) with the day and the payment's reference; "
            + "the same payment again changes nothing, another one is refused (409 settlement-paid)")
    @PostMapping("/api/v1/clearing/settlements/{id}/payment")
    Settlement pay(Caller caller, @PathVariable long id, @RequestBody PaymentRequest request) {
        if (request == null) {
            throw new InvalidInput("paidOn", "give the day it was paid and the reference");
        }
        return clearing.markPaid(caller, id, day(request.paidOn()), request.reference());
    }

    static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("paidOn", "a day is written 2026-11-30");
        }
    }
}
