package org.loyaltyhub.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.billing.internal.BillingDetails;
import org.loyaltyhub.billing.internal.BillingSettings;
import org.loyaltyhub.billing.internal.Invoices;
import org.loyaltyhub.billing.internal.RechargeRequestClosed;
import org.loyaltyhub.billing.internal.RechargeRequests;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The back office's billing: a company asks for a recharge on its budget page, the circuit administrator decides on
 * the budgets page, both keep billing details (circuit settings, company page) and list and download invoices.
 * Forms that live on another module's page come back to it with their errors as flash attributes.
 */
@Page
class BillingPages {

    private final RechargeRequests requests;
    private final BillingSettings settings;
    private final Invoices invoices;
    private final InvoiceDownloads downloads;
    private final Tenancy tenancy;

    BillingPages(RechargeRequests requests, BillingSettings settings, Invoices invoices, InvoiceDownloads downloads,
                 Tenancy tenancy) {
        this.requests = requests;
        this.settings = settings;
        this.invoices = invoices;
        this.downloads = downloads;
        this.tenancy = tenancy;
    }

    @PostMapping("/budgets/{companyId}/recharge-requests")
    String request(Caller caller, @PathVariable long companyId, @RequestParam Map<String, String> submitted,
                   RedirectAttributes redirect) {
        caller.require(Role.COMPANY_ADMIN);
        tenancy.company(caller, companyId);
        FormValues form = new FormValues(submitted);
        Long points = form.number("points");
        String key = form.text("requestKey");
        Map<String, String> errors = new LinkedHashMap<>();
        if (points == null || points < 1 || points > 1_000_000_000L) {
            errors.put("points", "budgets.error.points");
        }
        if (form.text("note") != null && form.text("note").length() > 500) {
            errors.put("note", "budgets.error.note");
        }
        if (errors.isEmpty()) {
            requests.request(caller, points, form.text("note"),
                    key != null && key.matches("[0-9a-f-]{36}") ? key : UUID.randomUUID().toString());
            return "redirect:/budgets/" + companyId + "?requested";
        }
        redirect.addFlashAttribute("requestErrors", errors).addFlashAttribute("requestForm", submitted);
        return "redirect:/budgets/" + companyId;
    }

    @PostMapping("/budgets/recharge-requests/{id}/cancel")
    String cancel(Caller caller, @PathVariable long id) {
        long company = requests.request(caller, id).companyId();
        try {
            requests.cancel(caller, id);
            return "redirect:/budgets/" + company + "?cancelled";
        } catch (RechargeRequestClosed e) {
            return "redirect:/budgets/" + company + "?closed";
        }
    }

    @PostMapping("/budgets/recharge-requests/{id}/approve")
    String approve(Caller caller, @PathVariable long id) {
        try {
            requests.approve(caller, id);
            return "redirect:/budgets?approved";
        } catch (RechargeRequestClosed e) {
            return "redirect:/budgets?closed";
        }
    }

    @PostMapping("/budgets/recharge-requests/{id}/refuse")
    String refuse(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted,
                  RedirectAttributes redirect) {
        caller.require(Role.CIRCUIT_ADMIN);
        String reason = new FormValues(submitted).text("reason");
        if (reason == null || reason.length() > 500) {
            redirect.addFlashAttribute("refuseErrors", Map.of(id, "requests.error.reason"));
            return "redirect:/budgets";
        }
        try {
            requests.refuse(caller, id, reason);
            return "redirect:/budgets?refused";
        } catch (RechargeRequestClosed e) {
            return "redirect:/budgets?closed";
        }
    }

    @PostMapping("/admin/circuit/billing")
    String circuitBilling(Caller caller, @RequestParam Map<String, String> submitted, RedirectAttributes redirect) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal price = form.decimal("pricePerThousand");
        if (!form.blank("pricePerThousand") && (price == null || price.signum() < 0)) {
            errors.put("pricePerThousand", "billing.error.price");
        }
        BigDecimal smsPrice = form.decimal("smsCreditPrice");
        if (!form.blank("smsCreditPrice") && (smsPrice == null || smsPrice.signum() < 0)) {
            errors.put("smsCreditPrice", "billing.error.smsCreditPrice");
        }
        BigDecimal rate = form.decimal("vatRate");
        if (!form.blank("vatRate") && (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            errors.put("vatRate", "billing.error.vatRate");
        }
        try {
            BillingDetails details = details(form);
            if (errors.isEmpty()) {
                settings.changeCircuit(caller, details, price, smsPrice, rate);
                return "redirect:/admin/circuit?billingSaved";
            }
        } catch (InvalidInput e) {
            e.fieldErrors().keySet().forEach(field -> errors.put(field, "billing.error." + field));
        }
        redirect.addFlashAttribute("billingErrors", errors).addFlashAttribute("billingForm", submitted);
        return "redirect:/admin/circuit";
    }

    @PostMapping("/admin/companies/{id}/billing")
    String companyBilling(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted,
                          RedirectAttributes redirect) {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            settings.changeCompany(caller, id, details(new FormValues(submitted)));
            return "redirect:/admin/companies/" + id + "?billingSaved";
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().keySet().forEach(field -> errors.put(field, "billing.error." + field));
            redirect.addFlashAttribute("billingErrors", errors).addFlashAttribute("billingForm", submitted);
            return "redirect:/admin/companies/" + id;
        }
    }

    private static BillingDetails details(FormValues form) {
        return BillingDetails.checked(form.text("legalName"), form.text("vatNumber"), form.text("taxCode"),
                form.text("address"), form.text("invoiceEmail"));
    }

    @GetMapping("/invoices")
    String list(Caller caller, @RequestParam(required = false) String year,
                @RequestParam(required = false) String companyId, @RequestParam(defaultValue = "0") int page,
                Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Invoices.Filter filter = filter(year, companyId);
        model.addAttribute("invoices", invoices.list(caller, filter, PageQuery.of(Math.max(page, 0), 20)))
                .addAttribute("companies", tenancy.companies(caller))
                .addAttribute("filter", filter)
                .addAttribute("query", (filter.year() == null ? "" : "year=" + filter.year())
                        + (filter.companyId() == null ? "" : "&companyId=" + filter.companyId()));
        return "invoices";
    }

    @GetMapping("/invoices/{id}/pdf")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable long id, Locale locale) {
        return downloads.pdf(caller, id, locale);
    }

    @GetMapping("/invoices/csv")
    void csv(Caller caller, @RequestParam(required = false) String year,
             @RequestParam(required = false) String companyId, HttpServletResponse response) throws IOException {
        downloads.csv(caller, filter(year, companyId), response);
    }

    /** A filter from the list's form: a blank or unreadable field filters nothing. */
    private static Invoices.Filter filter(String year, String companyId) {
        Integer y = year != null && year.matches("[0-9]{4}") ? Integer.valueOf(year) : null;
        Long c = companyId != null && companyId.matches("[0-9]{1,18}") ? Long.valueOf(companyId) : null;
        return new Invoices.Filter(y, c);
    }
}
