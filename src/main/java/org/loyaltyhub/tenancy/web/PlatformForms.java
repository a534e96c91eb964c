package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.internal.Commands.CircuitFields;
import org.loyaltyhub.tenancy.internal.Commands.NewOperatorAccount;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The platform administrator creates a further circuit with its first administrator. */
@Page
class PlatformForms {

    private final TenancyService tenancy;

    PlatformForms(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @PostMapping("/platform/circuits")
    String create(Caller caller, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.blank("circuitName") || form.text("circuitName").length() > 120) {
            errors.put("circuitName", "admin.required");
        }
        String currency = form.text("currency") == null ? "" : form.text("currency").toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            errors.put("currency", "platform.error.currency");
        }
        String email = form.text("adminEmail");
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            errors.put("adminEmail", "enrol.invalidEmail");
        }
        if (form.blank("adminName") || form.text("adminName").length() > 120) {
            errors.put("adminName", "admin.required");
        }
        String password = submitted.getOrDefault("adminPassword", "");
        if (password.length() < 10 || password.length() > 200) {
            errors.put("adminPassword", "admin.passwordShort");
        }
        if (errors.isEmpty()) {
            try {
                tenancy.createCircuit(new CircuitFields(form.text("circuitName"), currency, null,
                        form.checked("companiesKeptApart"), form.checked("budgetsEnforced")),
                        new NewOperatorAccount(email, form.text("adminName"), password));
                return "redirect:/platform?created";
            } catch (LoyaltyException e) {
                errors.put("adminEmail", "admin.emailTaken");
            }
        }
        Map<String, String> again = new HashMap<>(submitted);
        again.remove("adminPassword");
        model.addAttribute("circuits", org.loyaltyhub.shared.Page.slice(AdminPages.newestFirst(tenancy.allCircuits(caller)),
                        org.loyaltyhub.shared.PageQuery.of(0, AdminPages.PAGE))).addAttribute("form", again)
                .addAttribute("errors", errors);
        return "platform";
    }
}
