package org.loyaltyhub.members.web;

import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.SharedPhoneNumber;
import org.loyaltyhub.members.internal.MemberCommands.ConsentInput;
import org.loyaltyhub.members.internal.MemberCommands.NewMember;
import org.loyaltyhub.members.internal.MemberService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Enrolling a new customer at the counter in under a minute: name, e-mail or phone, and the privacy consent. */
@Page
class CounterEnrolPage {

    private final MemberService members;
    private final org.loyaltyhub.privacy.LegalTexts legal;
    private final org.springframework.beans.factory.ObjectProvider<org.loyaltyhub.members.EnrolmentReferrals> referrals;

    CounterEnrolPage(MemberService members, org.loyaltyhub.privacy.LegalTexts legal,
                     org.springframework.beans.factory.ObjectProvider<org.loyaltyhub.members.EnrolmentReferrals> referrals) {
        this.referrals = referrals;
        this.members = members;
        this.legal = legal;
    }

    @GetMapping("/counter/enrol")
    String form(Caller caller) {
        caller.circuit();
        return "enrol";
    }

    @PostMapping("/counter/enrol")
    String enrol(Caller caller, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = blankToNull(form.get("email"));
        String phone = blankToNull(form.get("phone"));
        if (email == null && phone == null) {
            errors.put("email", "enrol.contactNeeded");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "enrol.invalidEmail");
        }
        if (phone != null && !phone.matches("\\+?[0-9 ().-]{6,24}")) {
            errors.put("phone", "enrol.invalidPhone");
        }
        if (!"on".equals(form.get("privacy"))) {
            errors.put("privacy", "enrol.privacyNeeded");
        }
        if (errors.isEmpty()) {
            try {
                // the customer accepts the privacy notice in force, whose version the consent records
                String version = legal.current(caller.circuit(), org.loyaltyhub.privacy.LegalText.Kind.PRIVACY).tag();
                List<ConsentInput> consents = new ArrayList<>(List.of(
                        new ConsentInput(ConsentKind.PRIVACY, true, version, "counter")));
                if ("on".equals(form.get("newsletter"))) {
                    consents.add(new ConsentInput(ConsentKind.NEWSLETTER, true, version, "counter"));
                }
                Member m = members.enrol(caller, new NewMember(blankToNull(form.get("firstName")),
                        blankToNull(form.get("lastName")), email, phone, null, null, null, null, null, null, null,
                        null, consents, null, "on".equals(form.get("allowSharedPhone")), null));
                UriComponentsBuilder next = UriComponentsBuilder.fromPath("/counter").queryParam("q", m.card().number())
                        .queryParam("enrolled", "1");
                String code = blankToNull(form.get("referralCode"));
                var recorder = referrals.getIfAvailable();
                if (code != null && recorder != null) {
                    // a refused code leaves the enrolment as it is; the counter says so, the refusal is recorded
                    next.queryParam("referral", recorder.referred(caller, m.id(), code) ? "recorded" : "refused");
                }
                return "redirect:" + next.build().toUriString();
            } catch (SharedPhoneNumber e) {
                model.addAttribute("sharedPhone", e.members()); // the operator confirms, or corrects the number
            } catch (LoyaltyException e) {
                String field = e instanceof InvalidInput invalid ? invalid.fieldErrors().keySet().iterator().next()
                        : "member-exists".equals(e.code()) ? "email" : "form";
                errors.put(field, "member-exists".equals(e.code()) ? "enrol.exists"
                        : "phone".equals(field) ? "enrol.invalidPhone" : "enrol.invalid");
            }
        }
        model.addAttribute("errors", errors).addAttribute("form", form);
        return "enrol";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
