package org.loyaltyhub.analytics;

import org.loyaltyhub.shared.Forbidden;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;

/**
 * Whose figures a report may show: the circuit, narrowed to one company when one is asked for or when the caller is a
 * company administrator of a circuit that keeps companies apart. Store operators and API keys see no reports.
 */
public record ReportScope(long circuitId, Long companyId) {

    public static ReportScope of(Caller caller, boolean companiesKeptApart, Long requestedCompany) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        if (caller.isCircuitAdmin() || !companiesKeptApart) {
            return new ReportScope(caller.circuit(), requestedCompany);
        }
        if (requestedCompany != null && !requestedCompany.equals(caller.companyId())) {
            throw new Forbidden("Companies in this circuit are kept apart: you see only your own company's figures");
        }
        return new ReportScope(caller.circuit(), caller.companyId());
    }
}
