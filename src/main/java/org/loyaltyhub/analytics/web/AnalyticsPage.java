package org.loyaltyhub.analytics.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loyaltyhub.analytics.Grouping;
import org.loyaltyhub.analytics.Liability;
import org.loyaltyhub.analytics.MembersFigures;
import org.loyaltyhub.analytics.PointsFilter;
import org.loyaltyhub.analytics.PointsSummary;
import org.loyaltyhub.analytics.ReportKind;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.analytics.SalesFigures;
import org.loyaltyhub.analytics.internal.AudienceReport;
import org.loyaltyhub.analytics.internal.BooksReport;
import org.loyaltyhub.analytics.internal.PointsReport;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics dashboard of a circuit administrator ({@code /admin/analytics}) and of a company administrator
 * ({@code /company/analytics}): headline figures against the previous period of the same length, and weekly charts
 * drawn by {@code /js/analytics.js} from the data in data- attributes (no inline script), each with a table.
 */
@Page
class AnalyticsPage {

    private final ReportRequests requests;
    private final PointsReport points;
    private final BooksReport books;
    private final AudienceReport audience;
    private final Tenancy tenancy;
    private final JsonMapper json = JsonMapper.builder().build();

    AnalyticsPage(ReportRequests requests, PointsReport points, BooksReport books, AudienceReport audience,
                  Tenancy tenancy) {
        this.requests = requests;
        this.points = points;
        this.books = books;
        this.audience = audience;
        this.tenancy = tenancy;
    }

    /** A headline figure with the previous period's value. */
    public record Figure(String key, long value, long previous) {
        public Long changePercent() {
            return previous == 0 ? null : Math.round((value - previous) * 100.0 / previous);
        }
    }

    /** One row of a chart's table: the week and a value per series. */
    public record Row(LocalDate week, List<Long> values) {
    }

    @GetMapping("/admin/analytics")
    String circuit(Caller caller, Model model,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        caller.require(Role.CIRCUIT_ADMIN);
        return dashboard(requests.scope(caller, null), model, from, to, "/admin/analytics");
    }

    /** A company administrator's own company, whether or not the circuit keeps companies apart. */
    @GetMapping("/company/analytics")
    String company(Caller caller, Model model,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        caller.require(Role.COMPANY_ADMIN);
        return dashboard(requests.scope(caller, caller.companyId()), model, from, to, "/company/analytics");
    }

    private String dashboard(ReportScope scope, Model model, LocalDate from, LocalDate to, String action) {
        LocalDate end = requests.to(to);
        LocalDate start = from != null ? from : end.minusDays(7L * 12 - 1);
        PointsFilter.checkRange(start, end);
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        LocalDate prevEnd = start.minusDays(1);
        LocalDate prevStart = prevEnd.minusDays(days - 1);

        // two reads of the points report (this period by kind and week, the previous one by kind), not one per figure
        PointsReport.Detailed now = points.detailed(scope, filter(start, end));
        PointsSummary all = now.summary();
        PointsSummary previous = points.summary(scope, filter(prevStart, prevEnd));
        // of the members report, only what the dashboard shows: headcounts and enrolments per week
        AudienceReport.Headcount members = audience.headcount(scope, start, end, 90);
        AudienceReport.Headcount before = audience.headcount(scope, prevStart, prevEnd, 90);
        List<MembersFigures.Count> enrolments = audience.enrolments(scope, start, end, Grouping.WEEK);
        Liability opening = books.liability(scope, prevEnd);
        Liability closing = books.liability(scope, end);
        SalesFigures sales = audience.sales(scope, start, end);

        List<Figure> figures = List.of(
                new Figure("issued", kind(all, ReportKind.EARN, true), kind(previous, ReportKind.EARN, true)),
                new Figure("redeemed", kind(all, ReportKind.REDEEM, false), kind(previous, ReportKind.REDEEM, false)),
                new Figure("expired", kind(all, ReportKind.EXPIRY, false), kind(previous, ReportKind.EXPIRY, false)),
                new Figure("members", members.total(), before.total()),
                new Figure("active", members.active(), before.active()),
                new Figure("liability", closing.total(), opening.total()));

        List<LocalDate> weeks = all.periods().stream().map(PointsSummary.Period::start).toList();
        List<Row> pointsRows = new ArrayList<>();
        List<Row> liabilityRows = new ArrayList<>();
        List<Row> memberRows = new ArrayList<>();
        long running = opening.total();
        long enrolled = members.total() - sum(enrolments);
        for (PointsSummary.Period p : all.periods()) {
            pointsRows.add(new Row(p.start(), List.of(now.of(ReportKind.EARN, p.start(), 0),
                    now.of(ReportKind.REDEEM, p.start(), 1), now.of(ReportKind.EXPIRY, p.start(), 1))));
            running += p.credits() - p.debits();
            liabilityRows.add(new Row(p.start(), List.of(running)));
        }
        for (MembersFigures.Count c : enrolments) {
            enrolled += c.count();
            memberRows.add(new Row(LocalDate.parse(c.key()), List.of(c.count(), enrolled)));
        }
        Map<Long, String> storeNames = new LinkedHashMap<>();
        tenancy.companiesOf(scope.circuitId()).forEach(co -> tenancy.storesOf(scope.circuitId(), co.id())
                .forEach(s -> storeNames.put(s.id(), s.name())));
        var topStores = sales.stores().stream().limit(10).toList();

        model.addAttribute("from", start).addAttribute("to", end).addAttribute("figures", figures)
                .addAttribute("pointsRows", pointsRows).addAttribute("liabilityRows", liabilityRows)
                .addAttribute("memberRows", memberRows).addAttribute("topStores", topStores)
                .addAttribute("storeNames", storeNames).addAttribute("sales", sales).addAttribute("weeks", weeks)
                .addAttribute("liability", closing)
                .addAttribute("pointsJson", write(pointsRows)).addAttribute("liabilityJson", write(liabilityRows))
                .addAttribute("membersJson", write(memberRows))
                .addAttribute("storesJson", write(topStores.stream().map(s -> new Row(null,
                        List.of(s.sales().spend().toMinorUnits()))).toList()))
                .addAttribute("storeLabelsJson", write(topStores.stream()
                        .map(s -> storeNames.getOrDefault(s.storeId(), "#" + s.storeId())).toList()))
                .addAttribute("action", action);
        return "analytics/dashboard";
    }

    private static PointsFilter filter(LocalDate from, LocalDate to) {
        return new PointsFilter(from, to, null, null, null, null, null, Grouping.WEEK);
    }

    /** A kind's credits (points issued) or debits (redeemed, expired) in a summary. */
    private static long kind(PointsSummary s, ReportKind kind, boolean credits) {
        return s.byKind().stream().filter(k -> k.kind() == kind)
                .mapToLong(k -> credits ? k.credits() : k.debits()).sum();
    }

    private static long sum(List<MembersFigures.Count> counts) {
        return counts.stream().mapToLong(MembersFigures.Count::count).sum();
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }
}
