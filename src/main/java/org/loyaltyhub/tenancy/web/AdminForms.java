package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.internal.Commands.CompanyFields;
import org.loyaltyhub.tenancy.internal.Commands.NewCompany;
import org.loyaltyhub.tenancy.internal.Commands.NewOperator;
import org.loyaltyhub.tenancy.internal.Commands.StoreFields;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The circuit administrator's forms: a company (with its first store), a store, an operator. A refused form shows
 * the page again with the message next to the field and the values typed; nothing is saved.
 */
@Page
class AdminForms {

    private final TenancyService tenancy;
    private final AdminPages pages;

    AdminForms(TenancyService tenancy, AdminPages pages) {
        this.tenancy = tenancy;
        this.pages = pages;
    }

    @PostMapping("/admin/companies")
    String company(Caller caller, @RequestParam Map<String, String> form, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(form, "companyName");
        if (name == null) {
            errors.put("companyName", "admin.required");
        } else {
            String store = text(form, "storeName");
            try {
                tenancy.createCompany(caller, new NewCompany(name, text(form, "vatNumber"), new StoreFields(
                        store == null ? name : store, null, text(form, "city"), null, null, null, null)));
                return "redirect:/admin/companies?created=company";
            } catch (InvalidInput e) {
                errors.put("companyName", "admin.nameTaken");
            }
        }
        return again(caller, model, form, errors);
    }

    @PostMapping("/admin/stores")
    String store(Caller caller, @RequestParam Map<String, String> form, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(form, "newStoreName");
        Long company = number(form, "storeCompanyId");
        if (name == null) {
            errors.put("newStoreName", "admin.required");
        }
        if (company == null) {
            errors.put("storeCompanyId", "admin.required");
        }
        if (errors.isEmpty()) {
            tenancy.createStore(caller, company, new StoreFields(name, text(form, "storeAddress"),
                    text(form, "storeCity"), null, null, null, null));
            return "redirect:/admin/companies?created=store";
        }
        return again(caller, model, form, errors);
    }

    @PostMapping("/admin/operators")
    String operator(Caller caller, @RequestParam Map<String, String> form, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        String email = text(form, "operatorEmail");
        String name = text(form, "operatorName");
        String password = form.getOrDefault("operatorPassword", "");
        Role role = "COMPANY_ADMIN".equals(form.get("operatorRole")) ? Role.COMPANY_ADMIN
                : "CIRCUIT_ADMIN".equals(form.get("operatorRole")) ? Role.CIRCUIT_ADMIN : Role.STORE_OPERATOR;
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("operatorEmail", "enrol.invalidEmail");
        }
        if (name == null) {
            errors.put("operatorName", "admin.required");
        }
        if (password.length() < 10) {
            errors.put("operatorPassword", "admin.passwordShort");
        }
        // the place is "company:ID" for company administrators and "store:ID" for store operators; a store chosen
        // for a company administrator means its company, a company with a single store means that store
        Long place = role == Role.CIRCUIT_ADMIN ? null : place(caller, role, form.getOrDefault("operatorPlace", ""));
        if (role != Role.CIRCUIT_ADMIN && place == null) {
            errors.put("operatorPlace", role == Role.COMPANY_ADMIN ? "admin.chooseCompany" : "admin.chooseStore");
        }
        if (errors.isEmpty()) {
            try {
                tenancy.createOperator(caller, new NewOperator(email, name, password, role,
                        role == Role.COMPANY_ADMIN ? place : null, role == Role.STORE_OPERATOR ? place : null));
                return "redirect:/admin/operators?created=operator";
            } catch (LoyaltyException e) {
                errors.put("email-taken".equals(e.code()) ? "operatorEmail" : "operatorPlace",
                        "email-taken".equals(e.code()) ? "admin.emailTaken" : "admin.placeInvalid");
            }
        }
        form.remove("operatorPassword");
        return again(caller, model, form, errors);
    }

    @PostMapping("/admin/companies/{id}")
    String rename(Caller caller, @org.springframework.web.bind.annotation.PathVariable long id,
                  @RequestParam Map<String, String> form, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(form, "name");
        String vat = text(form, "vatNumber");
        if (name == null) {
            errors.put("name", "admin.required");
        } else if (name.length() > 120) {
            errors.put("name", "company.nameLong");
        }
        if (vat != null && vat.length() > 40) {
            errors.put("vatNumber", "company.vatLong");
        }
        if (errors.isEmpty()) {
            try {
                tenancy.updateCompany(caller, id, new CompanyFields(name, vat, "true".equals(form.get("active"))));
                return "redirect:/admin/companies/" + id + "?saved";
            } catch (InvalidInput e) {
                errors.put("name", "admin.nameTaken");
            }
        }
        form.putIfAbsent("active", "false");
        model.addAttribute("form", form).addAttribute("errors", errors);
        return pages.companyPage(caller, id, model);
    }

    private Long place(Caller caller, Role role, String value) {
        Long id = number(Map.of("p", value.replaceFirst("^(company|store):", "")), "p");
        if (id == null) {
            return null;
        }
        var stores = tenancy.stores(caller);
        if (role == Role.COMPANY_ADMIN) {
            return value.startsWith("company:") ? id : value.startsWith("store:") ? stores.stream()
                    .filter(s -> s.id() == id).map(org.loyaltyhub.tenancy.Store::companyId).findFirst().orElse(null) : null;
        }
        if (value.startsWith("store:")) {
            return id;
        }
        var ofCompany = stores.stream().filter(s -> s.companyId() == id).toList();
        return value.startsWith("company:") && ofCompany.size() == 1 ? ofCompany.getFirst().id() : null;
    }

    private String again(Caller caller, Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form).addAttribute("errors", errors);
        return form.containsKey("operatorEmail") ? pages.operatorsPage(caller, 0, model)
                : pages.companiesPage(caller, 0, model);
    }

    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long number(Map<String, String> form, String field) {
        try {
            String value = text(form, field);
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
