package org.loyaltyhub.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.loyaltyhub.analytics.ReportScope;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;

/** Turns a request's caller, company and dates into a report's scope and range (default: the last 30 days). */
@Component
class ReportRequests {

    static final int DEFAULT_DAYS = 30;

    private final Tenancy tenancy;
    private final Clock clock;

    ReportRequests(Tenancy tenancy, Clock clock) {
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** A company that is not the circuit's is not found, rather than an empty report. */
    ReportScope scope(Caller caller, Long companyId) {
        if (companyId != null && tenancy.companiesOf(caller.circuit()).stream().noneMatch(c -> c.id() == companyId)) {
            throw new NotFound("Company", companyId);
        }
        return ReportScope.of(caller, tenancy.circuit(caller.circuit()).companiesKeptApart(), companyId);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    LocalDate to(LocalDate to) {
        return to != null ? to : today();
    }

    LocalDate from(LocalDate from, LocalDate to) {
        return from != null ? from : to(to).minusDays(DEFAULT_DAYS - 1);
    }
}
