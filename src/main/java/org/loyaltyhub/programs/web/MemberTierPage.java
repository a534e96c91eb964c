package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.TierAdmin;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The member page's tier form: a circuit administrator sets a member's tier by hand (reason, last day) or ends it. */
@Page
class MemberTierPage {

    private final TierAdmin tiers;

    MemberTierPage(TierAdmin tiers) {
        this.tiers = tiers;
    }

    @PostMapping("/members/{id}/tier")
    String set(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues f = new FormValues(submitted);
        try {
            tiers.setManual(caller, id, new TierAdmin.ManualTier(f.number("tierId"), required(f, "reason"),
                    day(f, "until")));
        } catch (InvalidInput e) {
            return "redirect:/members/" + id + "?tierError=" + e.fieldErrors().keySet().iterator().next() + "#tier";
        }
        return "redirect:/members/" + id + "?tierSaved#tier";
    }

    @PostMapping("/members/{id}/tier/clear")
    String clear(Caller caller, @PathVariable long id, @RequestParam(required = false) String reason) {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            tiers.clearManual(caller, id, reason);
        } catch (InvalidInput e) {
            return "redirect:/members/" + id + "?tierError=reason#tier";
        }
        return "redirect:/members/" + id + "?tierSaved#tier";
    }

    private static String required(FormValues f, String field) {
        String text = f.text(field);
        if (text == null || text.length() > 300) {
            throw new InvalidInput(field, "is required (at most 300 characters)");
        }
        return text;
    }

    private static LocalDate day(FormValues f, String field) {
        try {
            return f.text(field) == null ? null : LocalDate.parse(f.text(field));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "is not a date");
        }
    }
}
