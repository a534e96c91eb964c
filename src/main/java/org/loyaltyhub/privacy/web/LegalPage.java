package org.loyaltyhub.privacy.web;

import org.loyaltyhub.privacy.LegalText;
import org.loyaltyhub.privacy.LegalTexts;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/** The circuit administrator publishes new versions of the privacy notice and the program rules. */
@Page
class LegalPage {

    private final LegalTexts legal;

    LegalPage(LegalTexts legal) {
        this.legal = legal;
    }

    @GetMapping("/admin/legal")
    String page(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        return show(caller, model);
    }

    @PostMapping("/admin/legal")
    String publish(Caller caller, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(defaultValue = "") String body, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        LegalText.Kind which = "TERMS".equals(kind) ? LegalText.Kind.TERMS : LegalText.Kind.PRIVACY;
        try {
            legal.publish(caller, which, body);
            return "redirect:/admin/legal?published=" + which.name();
        } catch (InvalidInput e) {
            model.addAttribute("errors", Map.of(which.name() + "-body", "legal.error.body"))
                    .addAttribute("form", Map.of(which.name() + "-body", body));
            return show(caller, model);
        }
    }

    private String show(Caller caller, Model model) {
        model.addAttribute("privacy", legal.history(caller, LegalText.Kind.PRIVACY))
                .addAttribute("terms", legal.history(caller, LegalText.Kind.TERMS));
        return "legal";
    }
}
