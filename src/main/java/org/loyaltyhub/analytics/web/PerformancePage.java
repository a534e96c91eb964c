package org.loyaltyhub.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.loyaltyhub.analytics.Performance;
import org.loyaltyhub.analytics.PointsFilter;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.analytics.internal.PerformanceReport;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Campaign, coupon and reward performance for a circuit administrator ({@code /admin/analytics/performance}) and a
 * company administrator ({@code /company/analytics/performance}, own company only): a table per subject over a range
 * (default the last 30 days), with its CSV from the API.
 */
@Page
class PerformancePage {

    private final ReportRequests requests;
    private final PerformanceReport performance;

    PerformancePage(ReportRequests requests, PerformanceReport performance) {
        this.requests = requests;
        this.performance = performance;
    }

    @GetMapping("/admin/analytics/performance")
    String circuit(Caller caller, Model model, @RequestParam(required = false) String subject,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Locale locale) {
        caller.require(Role.CIRCUIT_ADMIN);
        return page(requests.scope(caller, null), model, subject, from, to, locale, "/admin/analytics/performance");
    }

    @GetMapping("/company/analytics/performance")
    String company(Caller caller, Model model, @RequestParam(required = false) String subject,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Locale locale) {
        caller.require(Role.COMPANY_ADMIN);
        return page(requests.scope(caller, caller.companyId()), model, subject, from, to, locale,
                "/company/analytics/performance");
    }

    @GetMapping("/admin/analytics/performance.csv")
    void circuitCsv(Caller caller, @RequestParam(required = false) String subject,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    Locale locale, HttpServletResponse response) throws IOException {
        caller.require(Role.CIRCUIT_ADMIN);
        csv(requests.scope(caller, null), subject, from, to, locale, response);
    }

    @GetMapping("/company/analytics/performance.csv")
    void companyCsv(Caller caller, @RequestParam(required = false) String subject,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    Locale locale, HttpServletResponse response) throws IOException {
        caller.require(Role.COMPANY_ADMIN);
        csv(requests.scope(caller, caller.companyId()), subject, from, to, locale, response);
    }

    private void csv(ReportScope scope, String subject, String from, String to, Locale locale,
                     HttpServletResponse response) throws IOException {
        Performance.Subject chosen = subject(subject);
        LocalDate end = requests.to(day("to", to));
        LocalDate start = requests.from(day("from", from), end);
        PointsFilter.checkRange(start, end);
        Performance report = performance.of(chosen, scope, start, end, locale);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(chosen.name().toLowerCase(Locale.ROOT) + "-performance.csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        performance.csv(report, out);
        out.flush();
    }

    private static Performance.Subject subject(String typed) {
        for (Performance.Subject s : Performance.Subject.values()) {
            if (s.name().equalsIgnoreCase(typed == null ? "" : typed.strip())) {
                return s;
            }
        }
        return Performance.Subject.CAMPAIGNS;
    }

    private String page(ReportScope scope, Model model, String subject, String from, String to, Locale locale,
                        String action) {
        Performance.Subject chosen = subject(subject);
        model.addAttribute("subjects", Performance.Subject.values()).addAttribute("subject", chosen)
                .addAttribute("action", action).addAttribute("companyId", scope.companyId())
                .addAttribute("fromText", from).addAttribute("toText", to);
        try {
            LocalDate end = requests.to(day("to", to));
            LocalDate start = requests.from(day("from", from), end);
            PointsFilter.checkRange(start, end);
            model.addAttribute("from", start).addAttribute("to", end)
                    .addAttribute("report", performance.of(chosen, scope, start, end, locale));
        } catch (InvalidInput e) {
            model.addAttribute("rangeError", e.fieldErrors());
        }
        return "analytics/performance";
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "not a date");
        }
    }
}
