package org.loyaltyhub.privacy.rights;

import org.loyaltyhub.privacy.MemberRights;
import org.loyaltyhub.privacy.MemberVisibility;
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

import java.util.Map;

/**
 * A member's data in the back office ({@code /members/{id}/privacy}): download the export (circuit and company
 * administrators), erase with a reason (circuit administrators), and the record of an erasure once done.
 */
@Page
class MemberPrivacyPage {

    private final MemberRights rights;
    private final MemberVisibility visibility;

    MemberPrivacyPage(MemberRights rights, MemberVisibility visibility) {
        this.rights = rights;
        this.visibility = visibility;
    }

    @GetMapping("/members/{id}/privacy")
    String page(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        visibility.requireVisible(caller, id);
        return show(caller, id, model);
    }

    @org.loyaltyhub.privacy.PersonalDataRead
    @GetMapping("/members/{id}/privacy/export.zip")
    ResponseEntity<byte[]> export(Caller caller, @PathVariable long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return rights.export(caller, id).download();
    }

    @PostMapping("/members/{id}/privacy/erase")
    String erase(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(defaultValue = "false") boolean understood, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        visibility.requireVisible(caller, id);
        try {
            if (!understood) {
                model.addAttribute("errors", Map.of("understood", "memberPrivacy.confirmErase"));
            } else {
                rights.erase(caller, id, reason);
                return "redirect:/members/" + id + "/privacy?erased";
            }
        } catch (InvalidInput e) {
            model.addAttribute("errors", Map.of("reason", "memberPrivacy.reasonNeeded"));
        }
        model.addAttribute("reason", reason);
        return show(caller, id, model);
    }

    private String show(Caller caller, long id, Model model) {
        model.addAttribute("memberId", id).addAttribute("erasure", rights.erasure(caller.circuit(), id).orElse(null))
                .addAttribute("mayErase", caller.isCircuitAdmin());
        return "privacy/member";
    }
}
