package org.loyaltyhub.programs.web;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.internal.BudgetService;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The company administrator's start page: members, points issued and redeemed, budget left, latest movements. */
@Page
class CompanyDashboardPage {

    private final Tenancy tenancy;
    private final Members members;
    private final Ledger ledger;
    private final BudgetService budgets;

    CompanyDashboardPage(Tenancy tenancy, Members members, Ledger ledger, BudgetService budgets) {
        this.tenancy = tenancy;
        this.members = members;
        this.ledger = ledger;
        this.budgets = budgets;
    }

    @GetMapping("/company")
    String dashboard(Caller caller, Model model) {
        caller.require(Role.COMPANY_ADMIN);
        long circuitId = caller.circuit();
        long companyId = caller.companyId();
        var company = tenancy.company(caller, companyId);
        var stores = tenancy.storesOf(circuitId, companyId);
        Map<Long, String> storeNames = stores.stream().collect(Collectors.toMap(Store::id, Store::name));
        var activity = ledger.companyActivity(circuitId, companyId, 10);
        Map<Long, String> memberNames = activity.latest().stream().map(Ledger.CompanyMovement::memberId)
                .distinct().collect(Collectors.toMap(Function.identity(),
                        id -> members.own(circuitId, id).displayName()));
        model.addAttribute("company", company).addAttribute("stores", stores).addAttribute("storeNames", storeNames)
                .addAttribute("memberCount", members.countOfCompany(circuitId, companyId))
                .addAttribute("activity", activity).addAttribute("memberNames", memberNames)
                .addAttribute("budget", budgets.budget(caller, companyId))
                .addAttribute("operators", tenancy.operators(caller));
        return "company";
    }
}
