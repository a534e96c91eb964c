package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The platform's circuits and the circuit administrator's lists: companies with their stores, one company to rename
 * or switch off, and the operators. The circuit administrator's start page is the dashboard in {@code programs}.
 */
@Page
class AdminPages {

    static final int PAGE = 25;

    private final TenancyService tenancy;

    AdminPages(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/platform")
    String platform(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("circuits", org.loyaltyhub.shared.Page.slice(newestFirst(tenancy.allCircuits(caller)),
                PageQuery.of(Math.max(page, 0), PAGE)));
        return "platform";
    }

    @GetMapping("/admin/companies")
    String companiesPage(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        List<Company> companies = places(caller, model);
        model.addAttribute("companyPage", org.loyaltyhub.shared.Page.slice(companies,
                PageQuery.of(Math.max(page, 0), PAGE)));
        return "companies";
    }

    @GetMapping("/admin/companies/{id}")
    String companyPage(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Company company = tenancy.company(caller, id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new java.util.HashMap<>(Map.of("name", company.name(),
                    "vatNumber", company.vatNumber() == null ? "" : company.vatNumber(),
                    "active", String.valueOf(company.active()))));
        }
        model.addAttribute("company", company).addAttribute("stores", tenancy.storesOf(caller.circuit(), id));
        return "company-edit";
    }

    @GetMapping("/admin/operators")
    String operatorsPage(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        places(caller, model);
        model.addAttribute("operatorPage", org.loyaltyhub.shared.Page.slice(tenancy.operators(caller),
                PageQuery.of(Math.max(page, 0), PAGE)));
        return "operators";
    }

    /** Every company and its stores, as the forms offer them; the first store of an active company is the default. */
    private List<Company> places(Caller caller, Model model) {
        List<Company> companies = tenancy.companies(caller);
        Map<Long, List<Store>> stores = tenancy.stores(caller).stream()
                .collect(Collectors.groupingBy(Store::companyId));
        companies.forEach(c -> stores.putIfAbsent(c.id(), List.of()));
        Long defaultStore = companies.stream().filter(Company::active).flatMap(c -> stores.get(c.id()).stream())
                .map(Store::id).findFirst().orElse(null);
        model.addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("defaultStore", defaultStore);
        return companies;
    }

    /** The platform lists the newest circuits first: the ones being set up are the ones looked for. */
    static List<org.loyaltyhub.tenancy.Circuit> newestFirst(List<org.loyaltyhub.tenancy.Circuit> circuits) {
        return circuits.stream().sorted(java.util.Comparator.comparingLong(org.loyaltyhub.tenancy.Circuit::id).reversed())
                .toList();
    }
}
