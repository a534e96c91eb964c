package org.loyaltyhub.members.web;

import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.internal.MemberCommands.ProfileChange;
import org.loyaltyhub.members.internal.MemberService;
import org.loyaltyhub.privacy.PersonalDataRead;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Administrators correct a member's profile: name, e-mail, phone, birth date, city and postcode. */
@Page
class MemberProfilePage {

    private final MemberService members;

    MemberProfilePage(MemberService members) {
        this.members = members;
    }

    @PersonalDataRead
    @GetMapping("/members/{id}/profile")
    String form(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Member m = members.visible(caller, id);
        Map<String, String> form = new HashMap<>();
        form.put("firstName", m.firstName());
        form.put("lastName", m.lastName());
        form.put("email", m.email());
        form.put("phone", m.phone());
        form.put("birthDate", m.birthDate() == null ? null : m.birthDate().toString());
        form.put("city", m.city());
        form.put("postcode", m.postcode());
        form.put("language", m.language() == null ? "" : m.language().code());
        model.addAttribute("member", m).addAttribute("form", form).addAttribute("errors", Map.of());
        return "profile";
    }

    @PostMapping("/members/{id}/profile")
    String save(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Member m = members.visible(caller, id);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        String email = form.text("email");
        if (email != null && (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254)) {
            errors.put("email", "enrol.invalidEmail");
        }
        String phone = form.text("phone");
        if (phone != null && !phone.matches("\\+?[0-9 ().-]{6,24}")) {
            errors.put("phone", "enrol.invalidPhone");
        }
        LocalDate birth = null;
        if (form.text("birthDate") != null) {
            try {
                birth = LocalDate.parse(form.text("birthDate"));
                if (!birth.isBefore(LocalDate.now())) {
                    errors.put("birthDate", "profile.error.birthDate");
                }
            } catch (DateTimeParseException e) {
                errors.put("birthDate", "profile.error.birthDate");
            }
        }
        for (String field : new String[]{"firstName", "lastName", "city"}) {
            if (form.text(field) != null && form.text(field).length() > 100) {
                errors.put(field, "profile.error.tooLong");
            }
        }
        if (form.text("postcode") != null && form.text("postcode").length() > 20) {
            errors.put("postcode", "profile.error.tooLong");
        }
        Language language = Language.read(form.text("language"));
        if (form.text("language") != null && language == null) {
            errors.put("language", "profile.error.language");
        }
        if (errors.isEmpty()) {
            try {
                members.changeProfile(caller, id, new ProfileChange(form.text("firstName"), form.text("lastName"),
                        email, phone, birth, null, form.text("city"), form.text("postcode"), null, null, null,
                        language));
                return "redirect:/members/" + id + "?profileSaved";
            } catch (LoyaltyException e) {
                errors.put("email", "member-exists".equals(e.code()) ? "profile.error.emailTaken" : "enrol.invalid");
            }
        }
        model.addAttribute("member", m).addAttribute("form", submitted).addAttribute("errors", errors);
        return "profile";
    }
}
