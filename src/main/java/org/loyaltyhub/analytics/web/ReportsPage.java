package org.loyaltyhub.analytics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loyaltyhub.analytics.Grouping;
import org.loyaltyhub.analytics.PointsFilter;
import org.loyaltyhub.analytics.ReportKind;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.analytics.internal.AudienceReport;
import org.loyaltyhub.analytics.internal.BooksReport;
import org.loyaltyhub.analytics.internal.PointsReport;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reports of {@code /api/v1/reports} in one back-office page: a circuit administrator's
 * ({@code /admin/analytics/reports}, the circuit or one company) and a company administrator's
 * ({@code /company/analytics/reports}, always their own company). The points report's filters, its totals and periods;
 * liability at a day; breakage and the expiries to come; members and their demographics; sales; each with its CSV
 * (the API's, under the page's path). A bad filter is named next to its field and no report is run.
 */
@Page
class ReportsPage {

    private static final int ACTIVE_DAYS = 90;

    private final ReportRequests requests;
    private final PointsReport points;
    private final BooksReport books;
    private final AudienceReport audience;
    private final Tenancy tenancy;

    ReportsPage(ReportRequests requests, PointsReport points, BooksReport books, AudienceReport audience,
                Tenancy tenancy) {
        this.requests = requests;
        this.points = points;
        this.books = books;
        this.audience = audience;
        this.tenancy = tenancy;
    }

    /** What the form sent, as typed (shown back as it was). */
    record Form(String from, String to, String companyId, String storeId, String kind, String memberId,
                String operator, String grouping, String asOf) {
    }

    @GetMapping("/admin/analytics/reports")
    String circuit(Caller caller, Model model, Form form) {
        caller.require(Role.CIRCUIT_ADMIN);
        return page(caller, model, form, false, "/admin/analytics/reports");
    }

    @GetMapping("/company/analytics/reports")
    String company(Caller caller, Model model, Form form) {
        caller.require(Role.COMPANY_ADMIN);
        return page(caller, model, form, true, "/company/analytics/reports");
    }

    private String page(Caller caller, Model model, Form form, boolean ownCompany, String action) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Company> companies = tenancy.companiesOf(caller.circuit());
        Long companyId = ownCompany ? caller.companyId() : number(errors, "companyId", form.companyId());
        if (companyId != null && companies.stream().noneMatch(c -> c.id() == companyId)) {
            errors.put("companyId", "reports.error.company");
        }
        List<Store> stores = companyId == null || errors.containsKey("companyId")
                ? tenancy.circuitStores(caller.circuit()) : tenancy.storesOf(caller.circuit(), companyId);
        Long storeId = number(errors, "storeId", form.storeId());
        if (storeId != null && stores.stream().noneMatch(s -> s.id() == storeId)) {
            errors.put("storeId", "reports.error.store");
        }
        Long memberId = number(errors, "memberId", form.memberId());
        ReportKind kind = choice(errors, "kind", form.kind(), ReportKind.class);
        Grouping grouping = choice(errors, "grouping", form.grouping(), Grouping.class);
        String operator = blank(form.operator()) ? null : form.operator().strip();
        if (operator != null && operator.length() > 200) {
            errors.put("operator", "reports.error.operator");
        }
        LocalDate to = requests.to(day(errors, "to", form.to()));
        LocalDate from = requests.from(day(errors, "from", form.from()), to);
        LocalDate asOf = day(errors, "asOf", form.asOf());
        asOf = asOf == null ? to : asOf;
        if (!errors.containsKey("from") && !errors.containsKey("to")) {
            try {
                PointsFilter.checkRange(from, to);
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put(f, "reports.error." + f));
            }
        }

        Map<Long, String> companyNames = new LinkedHashMap<>();
        companies.forEach(c -> companyNames.put(c.id(), c.name()));
        Map<String, String> storeNames = new LinkedHashMap<>();
        tenancy.circuitStores(caller.circuit()).forEach(s -> storeNames.put(String.valueOf(s.id()), s.name()));
        model.addAttribute("action", action).addAttribute("form", form).addAttribute("ownCompany", ownCompany)
                .addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("operators", tenancy.operators(caller)).addAttribute("kinds", ReportKind.values())
                .addAttribute("groupings", Grouping.values()).addAttribute("companyNames", companyNames)
                .addAttribute("storeNames", storeNames).addAttribute("errors", errors)
                .addAttribute("activeDays", ACTIVE_DAYS);
        if (!errors.isEmpty()) {
            return "analytics/reports";
        }
        ReportScope scope = requests.scope(caller, companyId);
        PointsFilter filter = new PointsFilter(from, to, storeId, kind, memberId, operator, null, grouping);
        String base = ownCompany ? "/company/analytics" : "/admin/analytics";
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put("pointsSummary", link(action + "/points-summary.csv", "from", from, "to", to, "companyId", companyId,
                "storeId", storeId, "kind", kind, "memberId", memberId, "operator", operator, "grouping", grouping));
        csv.put("movements", link(base + "/movements.csv", "from", from, "to", to, "companyId", companyId,
                "storeId", storeId, "kind", kind, "memberId", memberId, "operator", operator));
        csv.put("liability", link(action + "/liability.csv", "asOf", asOf, "companyId", companyId));
        csv.put("breakage", link(action + "/breakage.csv", "from", from, "to", to, "companyId", companyId));
        csv.put("members", link(action + "/members.csv", "from", from, "to", to, "companyId", companyId,
                "grouping", grouping, "activeDays", ACTIVE_DAYS));
        csv.put("sales", link(action + "/sales.csv", "from", from, "to", to, "companyId", companyId));
        model.addAttribute("csv", csv);
        model.addAttribute("from", from).addAttribute("to", to).addAttribute("asOf", asOf)
                .addAttribute("companyId", companyId).addAttribute("filter", filter)
                .addAttribute("summary", points.summary(scope, filter))
                .addAttribute("liability", books.liability(scope, asOf))
                .addAttribute("breakage", books.breakage(scope, from, to, requests.today()))
                .addAttribute("members", audience.members(scope, from, to,
                        grouping == null ? Grouping.MONTH : grouping, ACTIVE_DAYS))
                .addAttribute("sales", audience.sales(scope, from, to));
        return "analytics/reports";
    }

    /** A path with the query of the non-null values (name, value, name, value…). */
    private static String link(String path, Object... pairs) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                uri.queryParam((String) pairs[i], pairs[i + 1]);
            }
        }
        return uri.encode().build().toUriString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Long number(Map<String, String> errors, String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.put(field, "reports.error." + field);
        return null;
    }

    private static <E extends Enum<E>> E choice(Map<String, String> errors, String field, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "reports.error." + field);
            return null;
        }
    }

    private static LocalDate day(Map<String, String> errors, String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "reports.error." + field);
            return null;
        }
    }
}
