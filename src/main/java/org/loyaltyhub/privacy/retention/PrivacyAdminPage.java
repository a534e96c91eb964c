package org.loyaltyhub.privacy.retention;

import org.loyaltyhub.privacy.MemberRights;
import org.loyaltyhub.privacy.Retention;
import org.loyaltyhub.privacy.RetentionSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.Map;

/**
 * The Privacy page ({@code /admin/privacy}): shops' data requests (circuit and company administrators); retention
 * settings with a preview, the job's runs and the erasures (circuit administrators).
 */
@Page
class PrivacyAdminPage {

    private final Retention retention;
    private final MemberRights rights;

    PrivacyAdminPage(Retention retention, MemberRights rights) {
        this.retention = retention;
        this.rights = rights;
    }

    @GetMapping("/admin/privacy")
    String page(Caller caller, @RequestParam(required = false) Integer preview, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        if (caller.isCircuitAdmin() && preview != null) {
            try {
                model.addAttribute("previewYears", preview)
                        .addAttribute("previewCount", retention.inactiveMembers(caller, preview));
            } catch (InvalidInput e) {
                model.addAttribute("errors", Map.of("inactiveMemberYears", "privacy.error.years"));
            }
        }
        return show(caller, caller.isCircuitAdmin() ? retention.settings(caller) : null, model);
    }

    @PostMapping("/admin/privacy/retention")
    String change(Caller caller, @RequestParam(defaultValue = "") String inactiveMemberYears,
                  @RequestParam(defaultValue = "") String deliveryBodyDays,
                  @RequestParam(defaultValue = "") String auditYears, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new HashMap<>();
        Integer years = number(inactiveMemberYears, "inactiveMemberYears", true, errors);
        Integer days = number(deliveryBodyDays, "deliveryBodyDays", false, errors);
        Integer audit = number(auditYears, "auditYears", false, errors);
        if (errors.isEmpty()) {
            try {
                retention.change(caller, new RetentionSettings(years, days, audit));
                return "redirect:/admin/privacy?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put(f, "privacy.error." + f));
            }
        }
        model.addAttribute("errors", errors).addAttribute("form", Map.of("inactiveMemberYears", inactiveMemberYears,
                "deliveryBodyDays", deliveryBodyDays, "auditYears", auditYears));
        return show(caller, retention.settings(caller), model);
    }

    @org.loyaltyhub.privacy.PersonalDataRead(entity = "data-requests")
    @GetMapping("/admin/privacy/requests/{id}/export.zip")
    ResponseEntity<byte[]> fulfil(Caller caller, @PathVariable long id) {
        return rights.fulfil(caller, id).download();
    }

    private String show(Caller caller, RetentionSettings settings, Model model) {
        model.addAttribute("requests", rights.dataRequests(caller)).addAttribute("settings", settings);
        if (caller.isCircuitAdmin()) {
            model.addAttribute("runs", retention.runs(caller)).addAttribute("erasures", rights.erasures(caller, 50));
        }
        return "privacy/admin";
    }

    private static Integer number(String value, String field, boolean optional, Map<String, String> errors) {
        if (value.isBlank() && optional) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "privacy.error." + field);
            return 0;
        }
    }
}
