package org.loyaltyhub.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.loyaltyhub.analytics.Breakage;
import org.loyaltyhub.analytics.Grouping;
import org.loyaltyhub.analytics.Liability;
import org.loyaltyhub.analytics.MembersFigures;
import org.loyaltyhub.analytics.Performance;
import org.loyaltyhub.analytics.PointsFilter;
import org.loyaltyhub.analytics.PointsSummary;
import org.loyaltyhub.analytics.ReportKind;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.analytics.SalesFigures;
import org.loyaltyhub.analytics.internal.AudienceReport;
import org.loyaltyhub.analytics.internal.BooksReport;
import org.loyaltyhub.analytics.internal.PerformanceReport;
import org.loyaltyhub.analytics.internal.PointsReport;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over the API (issue 14), JSON and CSV. Circuit administrators see the circuit or one company; company
 * administrators of a circuit that keeps companies apart see only their own company; store operators none. Dates are
 * UTC days, both ends included; without them the last 30 days. The CSVs answer under the reports page's paths too
 * ({@code /admin/analytics/reports/*.csv}, {@code /company/analytics/reports/*.csv}), for its signed-in links.
 */
@RestController
@Validated
@Tag(name = "Reports")
class ReportsController {

    private final ReportRequests requests;
    private final PointsReport points;
    private final BooksReport books;
    private final AudienceReport audience;
    private final PerformanceReport performance;

    ReportsController(ReportRequests requests, PointsReport points, BooksReport books, AudienceReport audience,
                      PerformanceReport performance) {
        this.requests = requests;
        this.points = points;
        this.books = books;
        this.audience = audience;
        this.performance = performance;
    }

    @Operation(summary = "Points report: totals, operations, averages per operation and member, per kind and period")
    @GetMapping("/api/v1/reports/points")
    PointsSummary points(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) @Positive Long companyId,
                         @RequestParam(required = false) @Positive Long storeId,
                         @RequestParam(required = false) ReportKind kind,
                         @RequestParam(required = false) @Positive Long memberId,
                         @RequestParam(required = false) @Size(min = 1, max = 200) String operator,
                         @RequestParam(required = false) Purpose purpose,
                         @RequestParam(required = false) Grouping grouping) {
        ReportScope scope = requests.scope(caller, companyId);
        return points.summary(scope, filter(from, to, storeId, kind, memberId, operator, purpose, grouping));
    }

    @Operation(summary = "Points report summary as CSV (text/csv): totals, per kind, per period, averages")
    @GetMapping({"/api/v1/reports/points/summary.csv", "/admin/analytics/reports/points-summary.csv",
            "/company/analytics/reports/points-summary.csv"})
    void pointsSummaryCsv(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) @Positive Long companyId,
                          @RequestParam(required = false) @Positive Long storeId,
                          @RequestParam(required = false) ReportKind kind,
                          @RequestParam(required = false) @Positive Long memberId,
                          @RequestParam(required = false) @Size(min = 1, max = 200) String operator,
                          @RequestParam(required = false) Purpose purpose,
                          @RequestParam(required = false) Grouping grouping,
                          HttpServletResponse response) throws IOException {
        ReportScope scope = requests.scope(caller, companyId);
        PointsSummary summary = points.summary(scope, filter(from, to, storeId, kind, memberId, operator, purpose,
                grouping));
        Writer out = csv(response, "points-summary.csv");
        points.summaryCsv(summary, out);
        out.flush();
    }

    @Operation(summary = "Every movement of the points report as CSV (text/csv), streamed oldest first, any size")
    @GetMapping({"/api/v1/reports/points/rows.csv", "/admin/analytics/movements.csv", "/company/analytics/movements.csv"})
    void pointsRowsCsv(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) @Positive Long companyId,
                       @RequestParam(required = false) @Positive Long storeId,
                       @RequestParam(required = false) ReportKind kind,
                       @RequestParam(required = false) @Positive Long memberId,
                       @RequestParam(required = false) @Size(min = 1, max = 200) String operator,
                       @RequestParam(required = false) Purpose purpose,
                       HttpServletResponse response) throws IOException {
        ReportScope scope = requests.scope(caller, companyId);
        PointsFilter f = filter(from, to, storeId, kind, memberId, operator, purpose, Grouping.DAY);
        Writer out = csv(response, "points-movements.csv");
        points.rowsCsv(scope, f, out);
        out.flush();
    }

    @Operation(summary = "Outstanding points and their value per issuer company and in total, at the end of a day")
    @GetMapping("/api/v1/reports/liability")
    Liability liability(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        @RequestParam(required = false) @Positive Long companyId) {
        return books.liability(requests.scope(caller, companyId), requests.to(asOf));
    }

    @Operation(summary = "Liability as CSV (text/csv): per issuer company, pending, held and total, at the end of a day")
    @GetMapping({"/api/v1/reports/liability.csv", "/admin/analytics/reports/liability.csv",
            "/company/analytics/reports/liability.csv"})
    void liabilityCsv(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @RequestParam(required = false) @Positive Long companyId,
                      HttpServletResponse response) throws IOException {
        Liability report = liability(caller, asOf, companyId);
        Writer out = csv(response, "liability.csv");
        books.liabilityCsv(report, out);
        out.flush();
    }

    @Operation(summary = "Breakage over a range: expired ÷ (expired + redeemed), and points due to expire by month")
    @GetMapping("/api/v1/reports/breakage")
    Breakage breakage(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) @Positive Long companyId) {
        ReportScope scope = requests.scope(caller, companyId);
        LocalDate end = requests.to(to);
        LocalDate start = range(requests.from(from, to), end);
        return books.breakage(scope, start, end, requests.today());
    }

    @Operation(summary = "Breakage as CSV (text/csv): expired, redeemed, rate, and points due to expire by month")
    @GetMapping({"/api/v1/reports/breakage.csv", "/admin/analytics/reports/breakage.csv",
            "/company/analytics/reports/breakage.csv"})
    void breakageCsv(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) @Positive Long companyId,
                     HttpServletResponse response) throws IOException {
        Breakage report = breakage(caller, from, to, companyId);
        Writer out = csv(response, "breakage.csv");
        books.breakageCsv(report, out);
        out.flush();
    }

    @Operation(summary = "Members: enrolments by period and store, active and churned, demographics, consent rates")
    @GetMapping("/api/v1/reports/members")
    MembersFigures members(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) @Positive Long companyId,
                           @RequestParam(required = false) Grouping grouping,
                           @RequestParam(defaultValue = "90") @Min(1) @Max(3650) int activeDays) {
        ReportScope scope = requests.scope(caller, companyId);
        LocalDate end = requests.to(to);
        return audience.members(scope, range(requests.from(from, to), end), end,
                grouping == null ? Grouping.MONTH : grouping, activeDays);
    }

    @Operation(summary = "Members report as CSV (text/csv): one line per figure, with its section and key")
    @GetMapping({"/api/v1/reports/members.csv", "/admin/analytics/reports/members.csv",
            "/company/analytics/reports/members.csv"})
    void membersCsv(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) @Positive Long companyId,
                    @RequestParam(required = false) Grouping grouping,
                    @RequestParam(defaultValue = "90") @Min(1) @Max(3650) int activeDays,
                    HttpServletResponse response) throws IOException {
        MembersFigures report = members(caller, from, to, companyId, grouping, activeDays);
        Writer out = csv(response, "members.csv");
        audience.membersCsv(report, out);
        out.flush();
    }

    @Operation(summary = "Sales attributed to the program: purchases, spend, average basket, frequency, repeat rate")
    @GetMapping("/api/v1/reports/sales")
    SalesFigures sales(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) @Positive Long companyId) {
        ReportScope scope = requests.scope(caller, companyId);
        LocalDate end = requests.to(to);
        return audience.sales(scope, range(requests.from(from, to), end), end);
    }

    @Operation(summary = "Sales as CSV (text/csv): the total, then one line per store")
    @GetMapping({"/api/v1/reports/sales.csv", "/admin/analytics/reports/sales.csv",
            "/company/analytics/reports/sales.csv"})
    void salesCsv(Caller caller, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) @Positive Long companyId,
                  HttpServletResponse response) throws IOException {
        SalesFigures report = sales(caller, from, to, companyId);
        Writer out = csv(response, "sales.csv");
        audience.salesCsv(report, out);
        out.flush();
    }

    @Operation(summary = "Campaign, coupon or reward performance over a range: issued, redeemed, points, purchases "
            + "attributed and their spend, per item (subject CAMPAIGNS, COUPONS or REWARDS)")
    @GetMapping("/api/v1/reports/performance")
    Performance performance(Caller caller, @RequestParam Performance.Subject subject,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) @Positive Long companyId, Locale locale) {
        ReportScope scope = requests.scope(caller, companyId);
        LocalDate end = requests.to(to);
        return performance.of(subject, scope, range(requests.from(from, to), end), end, locale);
    }

    @Operation(summary = "Campaign, coupon or reward performance as CSV (text/csv), one line per item")
    @GetMapping("/api/v1/reports/performance.csv")
    void performanceCsv(Caller caller, @RequestParam Performance.Subject subject,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) @Positive Long companyId, Locale locale,
                        HttpServletResponse response) throws IOException {
        Performance report = performance(caller, subject, from, to, companyId, locale);
        Writer out = csv(response, subject.name().toLowerCase(Locale.ROOT) + "-performance.csv");
        performance.csv(report, out);
        out.flush();
    }

    private PointsFilter filter(LocalDate from, LocalDate to, Long storeId, ReportKind kind, Long memberId,
                                String operator, Purpose purpose, Grouping grouping) {
        return new PointsFilter(requests.from(from, to), requests.to(to), storeId, kind, memberId, operator, purpose,
                grouping);
    }

    /** The same range checks as the points report's. */
    private static LocalDate range(LocalDate from, LocalDate to) {
        PointsFilter.checkRange(from, to);
        return from;
    }

    private static Writer csv(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }

}
