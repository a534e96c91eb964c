package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.loyaltyhub.shared.PageQuery;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The start pages of the platform, circuit and company administrators. */
@Page
class AdminPages {

    private final TenancyService tenancy;

    AdminPages(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    static final int PAGE = 25;

    @GetMapping("/platform")
    String platform(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("circuits", org.loyaltyhub.shared.Page.slice(newestFirst(tenancy.allCircuits(caller)),
                PageQuery.of(Math.max(page, 0), PAGE)));
        return "platform";
    }

    @GetMapping("/admin")
    String adminPage(Caller caller, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "0") int operatorsPage, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        List<Company> companies = tenancy.companies(caller);
        Map<Long, List<Store>> stores = tenancy.stores(caller).stream()
                .collect(Collectors.groupingBy(Store::companyId));
        companies.forEach(c -> stores.putIfAbsent(c.id(), List.of()));
        // every company stays in the forms' lists; the tables show a page at a time
        model.addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("companyPage", org.loyaltyhub.shared.Page.slice(companies,
                        PageQuery.of(Math.max(page, 0), PAGE)))
                .addAttribute("operatorPage", org.loyaltyhub.shared.Page.slice(tenancy.operators(caller),
                        PageQuery.of(Math.max(operatorsPage, 0), PAGE)));
        return "admin";
    }

    /** The page again, as a refused form shows it. */
    String admin(Caller caller, Model model) {
        return adminPage(caller, 0, 0, model);
    }

    /** The platform lists the newest circuits first: the ones being set up are the ones looked for. */
    static List<org.loyaltyhub.tenancy.Circuit> newestFirst(List<org.loyaltyhub.tenancy.Circuit> circuits) {
        return circuits.stream().sorted(java.util.Comparator.comparingLong(org.loyaltyhub.tenancy.Circuit::id).reversed())
                .toList();
    }
}
