package org.loyaltyhub.imports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.imports.internal.ExportService;
import org.loyaltyhub.members.CardBrand;
import org.loyaltyhub.members.CardGroup;
import org.loyaltyhub.members.MemberQuery;
import org.loyaltyhub.purchases.PastPurchases;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * The exports, from the API and the back office alike (the same address under {@code /admin/exports} is what the
 * pages link to, with their current filters): members with their points as the Members page finds them, and
 * purchases by day and store. Streamed; {@code X-Row-Count} says up front how many rows follow.
 */
@RestController
@Tag(name = "Import and export")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping(value = {"/api/v1/exports/members.csv", "/admin/exports/members.csv"}, produces = "text/csv")
    @Operation(summary = "The members the Members page's search and filters find (all without any), with their "
            + "points, in the import's columns (streamed, any size; the header X-Row-Count says how many rows follow)")
    void members(Caller caller,
                 @Parameter(description = "Name, e-mail, phone or card number, as the Members page searches")
                 @RequestParam(required = false) String q,
                 @Parameter(description = "Enrolled at this store") @RequestParam(required = false) Long store,
                 @Parameter(description = "Newsletter consent in force: yes or no")
                 @RequestParam(required = false) String newsletter,
                 @Parameter(description = "Enrolled on or after this day")
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                 @Parameter(description = "The card's group") @RequestParam(required = false) String cardGroup,
                 @Parameter(description = "The card's brand") @RequestParam(required = false) String brand,
                 HttpServletResponse response) throws IOException {
        MemberQuery query = new MemberQuery(q == null || q.isBlank() ? null : q.strip(), store, yesNo(newsletter),
                since, blank(cardGroup) ? null : CardGroup.read(cardGroup), blank(brand) ? null : CardBrand.read(brand));
        response.setHeader("X-Row-Count", String.valueOf(exports.count(caller, query)));
        try (Writer out = ImportController.csv(response, "members.csv")) {
            exports.members(caller, query, out);
        }
    }

    @GetMapping(value = {"/api/v1/exports/purchases.csv", "/admin/exports/purchases.csv"}, produces = "text/csv")
    @Operation(summary = "The circuit's purchases (cancelled ones left out), oldest first, in the purchases' import "
            + "columns, narrowed by day (UTC, both included), store or company (streamed, any size; X-Row-Count says "
            + "how many rows follow)")
    void purchases(Caller caller,
                   @Parameter(description = "From this day") @RequestParam(required = false)
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @Parameter(description = "To this day, included") @RequestParam(required = false)
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @Parameter(description = "At this store") @RequestParam(required = false) Long storeId,
                   @Parameter(description = "At this company's stores") @RequestParam(required = false) Long companyId,
                   HttpServletResponse response) throws IOException {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("to", "is before from");
        }
        PastPurchases.Filter filter = new PastPurchases.Filter(from, to, storeId, companyId);
        response.setHeader("X-Row-Count", String.valueOf(exports.countPurchases(caller, filter)));
        try (Writer out = ImportController.csv(response, "purchases.csv")) {
            exports.purchases(caller, filter, out);
        }
    }

    private static Boolean yesNo(String value) {
        if (blank(value)) {
            return null;
        }
        return switch (value.strip()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw new InvalidInput("newsletter", "is yes or no");
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
