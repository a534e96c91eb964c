package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Operator;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.internal.Commands.OperatorChange;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operator: name, role, where they work, enabled or disabled, and a new password. Circuit administrators edit
 * everybody; company administrators the operators of their company (never a circuit administrator).
 */
@Page
class OperatorPage {

    private final TenancyService tenancy;

    OperatorPage(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/admin/operators/{id}")
    String form(Caller caller, @PathVariable long id, Model model) {
        Operator op = tenancy.operator(caller, id);
        Map<String, String> form = new HashMap<>();
        form.put("name", op.displayName());
        form.put("role", op.role().name());
        form.put("place", op.storeId() != null ? "store:" + op.storeId() : op.companyId() != null ? "company:" + op.companyId() : "");
        form.put("enabled", op.enabled() ? "on" : "");
        return show(caller, op, form, Map.of(), model);
    }

    @PostMapping("/admin/operators/{id}")
    String save(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted, Model model) {
        Operator op = tenancy.operator(caller, id);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = switch (submitted.getOrDefault("role", "")) {
            case "CIRCUIT_ADMIN" -> Role.CIRCUIT_ADMIN;
            case "COMPANY_ADMIN" -> Role.COMPANY_ADMIN;
            case "STORE_OPERATOR" -> Role.STORE_OPERATOR;
            default -> null;
        };
        if (role == null) {
            errors.put("role", "admin.required");
        }
        if (form.blank("name") || form.text("name").length() > 120) {
            errors.put("name", "admin.required");
        }
        String password = submitted.getOrDefault("password", "");
        if (!password.isEmpty() && (password.length() < 10 || password.length() > 200)) {
            errors.put("password", "admin.passwordShort");
        }
        String place = submitted.getOrDefault("place", "");
        Long companyId = role == Role.COMPANY_ADMIN && place.startsWith("company:") ? parse(place.substring(8)) : null;
        Long storeId = role == Role.STORE_OPERATOR && place.startsWith("store:") ? parse(place.substring(6)) : null;
        if (role == Role.COMPANY_ADMIN && companyId == null) {
            errors.put("place", "admin.chooseCompany");
        }
        if (role == Role.STORE_OPERATOR && storeId == null) {
            errors.put("place", "admin.chooseStore");
        }
        if (errors.isEmpty()) {
            try {
                tenancy.changeOperator(caller, id, new OperatorChange(form.text("name"), role, companyId, storeId,
                        form.checked("enabled"), password.isEmpty() ? null : password));
                return "redirect:/admin/operators/" + id + "?saved";
            } catch (LoyaltyException e) {
                errors.put("enabled".equals(field(e)) ? "enabled" : "place",
                        "enabled".equals(field(e)) ? "operator.notYourself" : "admin.placeInvalid");
            }
        }
        Map<String, String> again = new HashMap<>(submitted);
        again.remove("password");
        return show(caller, op, again, errors, model);
    }

    private String show(Caller caller, Operator op, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("operator", op).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("companies", tenancy.companies(caller)).addAttribute("stores", tenancy.stores(caller))
                .addAttribute("canAppointCircuitAdmins", caller.isCircuitAdmin());
        return "operator";
    }

    private static String field(LoyaltyException e) {
        return e instanceof org.loyaltyhub.shared.InvalidInput invalid && !invalid.fieldErrors().isEmpty()
                ? invalid.fieldErrors().keySet().iterator().next() : null;
    }

    private static Long parse(String s) {
        return s.matches("[0-9]{1,18}") ? Long.valueOf(s) : null;
    }
}
