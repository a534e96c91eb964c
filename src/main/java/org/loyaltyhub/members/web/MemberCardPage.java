package org.loyaltyhub.members.web;

import org.loyaltyhub.members.CardBlockReason;
import org.loyaltyhub.members.CardLabel;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.internal.CardService;
import org.loyaltyhub.members.internal.CardService.CardChange;
import org.loyaltyhub.members.internal.MemberCommands.ProfileChange;
import org.loyaltyhub.members.internal.MemberService;
import org.loyaltyhub.privacy.PersonalDataRead;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member's card: its group and brand (administrators), and blocking a lost card for a new number (administrators,
 * and store operators at the counter), with the cards the member held before.
 */
@Page
class MemberCardPage {

    private static final int NOTE_MAX = 200;

    private final MemberService members;
    private final CardService cards;

    MemberCardPage(MemberService members, CardService cards) {
        this.members = members;
        this.cards = cards;
    }

    @PersonalDataRead
    @GetMapping("/members/{id}/card")
    String form(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        Member m = members.visible(caller, id);
        Map<String, String> form = new HashMap<>();
        form.put("cardGroup", m.card().cardGroup());
        form.put("brand", m.card().brand());
        return page(caller, m, form, Map.of(), model);
    }

    @PostMapping("/members/{id}/card/labels")
    String labels(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Member m = members.visible(caller, id);
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : new String[] {"cardGroup", "brand"}) {
            if (CardLabel.problem(submitted.get(field)) != null) {
                errors.put(field, "card.error.label");
            }
        }
        if (!errors.isEmpty()) {
            return page(caller, m, submitted, errors, model);
        }
        members.changeProfile(caller, id, ProfileChange.cardLabels(blankToEmpty(submitted.get("cardGroup")),
                blankToEmpty(submitted.get("brand"))));
        return "redirect:/members/" + id + "?cardSaved";
    }

    @PostMapping("/members/{id}/card/replacement")
    String replace(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        Member m = members.visible(caller, id);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        CardBlockReason reason = Arrays.stream(CardBlockReason.values())
                .filter(r -> r.name().equals(form.text("reason"))).findFirst().orElse(null);
        if (reason == null) {
            errors.put("reason", "card.error.reason");
        }
        if (form.text("note") != null && form.text("note").length() > NOTE_MAX) {
            errors.put("note", "profile.error.tooLong");
        }
        if (form.text("card") == null) {
            errors.put("reason", "card.error.stale");
        }
        if (errors.isEmpty()) {
            try {
                Member replaced = cards.replace(caller, id, new CardChange(form.text("card"), reason, form.text("note")))
                        .member();
                return caller.is(Role.STORE_OPERATOR)
                        ? "redirect:" + UriComponentsBuilder.fromPath("/counter").queryParam("q", replaced.card().number())
                                .queryParam("cardReplaced", "1").build().toUriString()
                        : "redirect:/members/" + id + "?cardReplaced";
            } catch (NotFound e) {
                errors.put("reason", "card.error.stale"); // the page showed a card the member no longer holds
            }
        }
        Map<String, String> labels = new HashMap<>(submitted);
        labels.put("cardGroup", m.card().cardGroup());
        labels.put("brand", m.card().brand());
        return page(caller, m, labels, errors, model);
    }

    private String page(Caller caller, Member m, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("member", m).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("cards", cards.history(caller, m.id())).addAttribute("reasons", CardBlockReason.values())
                .addAttribute("mayLabel", caller.is(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN));
        return "member-card";
    }

    /** A field left blank removes the label (the API's blank), rather than leaving it as it was (absent). */
    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }
}
