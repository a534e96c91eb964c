package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.internal.Unsubscribes;
import org.loyaltyhub.tenancy.Circuit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The unsubscribe link of marketing e-mails (RFC 8058): GET shows a page asking to confirm (a mail scanner that
 * follows links withdraws nothing), POST withdraws the marketing consent, from the page's button or from the mail
 * client's one-click request. Signed per member, so it needs no sign-in and no CSRF token.
 */
@Controller
class UnsubscribePage {

    private final Unsubscribes unsubscribes;

    UnsubscribePage(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping("/unsubscribe/{circuitId}/{memberId}/{signature}")
    String confirm(@PathVariable long circuitId, @PathVariable long memberId, @PathVariable String signature,
                   Model model) {
        model.addAttribute("circuit", unsubscribes.circuit(circuitId, memberId, signature)).addAttribute("done", false);
        return "marketing/unsubscribe";
    }

    @PostMapping("/unsubscribe/{circuitId}/{memberId}/{signature}")
    String withdraw(@PathVariable long circuitId, @PathVariable long memberId, @PathVariable String signature,
                    Model model) {
        Circuit circuit = unsubscribes.withdraw(circuitId, memberId, signature);
        model.addAttribute("circuit", circuit).addAttribute("done", true);
        return "marketing/unsubscribe";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Unsubscribes.InvalidLink.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String invalid(Model model) {
        model.addAttribute("invalid", true);
        return "marketing/unsubscribe";
    }
}
