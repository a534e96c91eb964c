package org.loyaltyhub.programs.web;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The circuit administrator's start page: companies, members, points issued, redeemed and held by members, the
 * budgets left when they are enforced, and the latest movements of every company.
 */
@Page
class CircuitDashboardPage {

    private final Tenancy tenancy;
    private final Members members;
    private final Ledger ledger;
    CircuitDashboardPage(Tenancy tenancy, Members members, Ledger ledger) {
        this.tenancy = tenancy;
        this.members = members;
        this.ledger = ledger;
    }

    @GetMapping("/admin")
    String dashboard(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        long circuitId = caller.circuit();
        var circuit = tenancy.circuit(circuitId);
        var companies = tenancy.companies(caller);
        var activity = ledger.circuitActivity(circuitId, 10);
        Map<Long, String> companyNames = companies.stream().collect(Collectors.toMap(Company::id, Company::name));
        Map<Long, String> storeNames = tenancy.stores(caller).stream().collect(Collectors.toMap(Store::id, Store::name));
        Map<Long, String> memberNames = activity.latest().stream().map(Ledger.CompanyMovement::memberId)
                .distinct().collect(Collectors.toMap(Function.identity(),
                        id -> members.own(circuitId, id).displayName()));
        model.addAttribute("companies", companies)
                .addAttribute("activeCompanies", companies.stream().filter(Company::active).count())
                .addAttribute("memberCount", members.countOfCircuit(circuitId))
                .addAttribute("activity", activity).addAttribute("memberNames", memberNames)
                .addAttribute("companyNames", companyNames).addAttribute("storeNames", storeNames)
                .addAttribute("budgetsEnforced", circuit.budgetsEnforced());
        return "dashboard";
    }
}
