package org.loyaltyhub.analytics.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.loyaltyhub.analytics.Performance;
import org.loyaltyhub.shared.AssistantTool;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The reports' tools for AI assistants (MCP): the reports of {@code /api/v1/reports}, answered by the same operations
 * (scope, date range and permissions checked there).
 */
@Configuration(proxyBeanMethods = false)
class ReportTools {

    /** The reports an assistant may run, with what each tells. */
    enum Report {
        POINTS("Points issued, redeemed, expired and adjusted over the range, per kind and period, with averages"),
        LIABILITY("Outstanding points and their value per issuer company and in total, at the end of 'to'"),
        BREAKAGE("Expired ÷ (expired + redeemed) over the range, and points due to expire by month"),
        MEMBERS("Enrolments by period and store, active and churned members, demographics, consent rates"),
        SALES("Purchases attributed to the program: spend, average basket, frequency, repeat rate"),
        PERFORMANCE("Per campaign, coupon or reward (subject): issued, redeemed, points, attributed purchases");

        final String tells;

        Report(String tells) {
            this.tells = tells;
        }
    }

    record ReportListing(String report, String tells) {
    }

    record RunReport(@NotNull Report report, LocalDate from, LocalDate to, @Positive Long companyId,
                     Performance.Subject subject) {
    }

    record NoArguments() {
    }

    @Bean
    AssistantTool listReports() {
        return AssistantTool.of("list_reports", AssistantTool.Kind.READ, "reports", """
                        Lists the reports run_report can run, with what each tells.""",
                "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {}}",
                arguments -> {
                    arguments.as(NoArguments.class);
                    return Arrays.stream(Report.values()).map(r -> new ReportListing(r.name(), r.tells)).toList();
                });
    }

    @Bean
    AssistantTool runReport(ReportsController reports) {
        return AssistantTool.of("run_report", AssistantTool.Kind.READ, "reports", """
                        Runs one report (list_reports tells them) over a range of UTC days, both ends included \
                        (default: the last 30 days), for the circuit or one company. PERFORMANCE needs a subject: \
                        CAMPAIGNS, COUPONS or REWARDS. Administrators only; a company administrator sees their own \
                        company.""", """
                        {"type": "object", "additionalProperties": false, "required": ["report"],
                         "properties": {
                           "report": {"type": "string", "enum": %s},
                           "from": {"type": "string", "format": "date", "description": "first day, YYYY-MM-DD"},
                           "to": {"type": "string", "format": "date", "description": "last day, YYYY-MM-DD"},
                           "companyId": {"type": "integer", "minimum": 1},
                           "subject": {"type": "string", "enum": %s}}}""".formatted(names(Report.values()),
                        names(Performance.Subject.values())),
                arguments -> {
                    RunReport r = arguments.as(RunReport.class);
                    Caller caller = CurrentCaller.required();
                    return switch (r.report()) {
                        case POINTS -> reports.points(caller, r.from(), r.to(), r.companyId(), null, null, null, null,
                                null, null);
                        case LIABILITY -> reports.liability(caller, r.to(), r.companyId());
                        case BREAKAGE -> reports.breakage(caller, r.from(), r.to(), r.companyId());
                        case MEMBERS -> reports.members(caller, r.from(), r.to(), r.companyId(), null, 90);
                        case SALES -> reports.sales(caller, r.from(), r.to(), r.companyId());
                        case PERFORMANCE -> {
                            if (r.subject() == null) {
                                throw new InvalidInput("subject", "PERFORMANCE needs a subject: CAMPAIGNS, COUPONS or REWARDS");
                            }
                            yield reports.performance(caller, r.subject(), r.from(), r.to(), r.companyId(), Locale.ENGLISH);
                        }
                    };
                });
    }

    private static String names(Enum<?>[] values) {
        List<String> quoted = Arrays.stream(values).map(v -> "\"" + v.name() + "\"").toList();
        return "[" + String.join(", ", quoted) + "]";
    }
}
