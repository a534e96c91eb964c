package org.loyaltyhub.billing.web;

import org.loyaltyhub.billing.internal.BillingDetails;
import org.loyaltyhub.billing.internal.BillingSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A company administrator's own billing details ({@code /company/billing}): legal name, VAT number, tax code,
 * address and e-mail for invoices, what the circuit's pro-forma invoices print for the company as a buyer. Bad
 * input comes back with a message next to each field, nothing saved.
 */
@Page
class CompanyBillingPage {

    private final BillingSettings settings;
    private final BillingViews views;

    CompanyBillingPage(BillingSettings settings, BillingViews views) {
        this.settings = settings;
        this.views = views;
    }

    @GetMapping("/company/billing")
    String page(Caller caller, Model model) {
        caller.require(Role.COMPANY_ADMIN);
        model.asMap().putIfAbsent("form", views.companyForm(caller, caller.companyId()));
        model.asMap().putIfAbsent("errors", Map.of());
        model.addAttribute("company", settings.company(caller, caller.companyId()));
        return "billing/company";
    }

    @PostMapping("/company/billing")
    String save(Caller caller, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.COMPANY_ADMIN);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            settings.changeOwn(caller, BillingDetails.checked(form.text("legalName"), form.text("vatNumber"),
                    form.text("taxCode"), form.text("address"), form.text("invoiceEmail")));
            return "redirect:/company/billing?saved";
        } catch (InvalidInput e) {
            e.fieldErrors().keySet().forEach(field -> errors.put(field, "billing.error." + field));
        }
        model.addAttribute("form", submitted).addAttribute("errors", errors);
        return page(caller, model);
    }
}
