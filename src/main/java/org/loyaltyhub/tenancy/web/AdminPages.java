package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

    @GetMapping("/platform")
    String platform(Caller caller, Model model) {
        model.addAttribute("circuits", tenancy.allCircuits(caller));
        return "platform";
    }

    @GetMapping("/admin")
    String admin(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        List<Company> companies = tenancy.companies(caller);
        Map<Long, List<Store>> stores = tenancy.stores(caller).stream()
                .collect(Collectors.groupingBy(Store::companyId));
        companies.forEach(c -> stores.putIfAbsent(c.id(), List.of()));
        model.addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("operators", tenancy.operators(caller));
        return "admin";
    }
}
