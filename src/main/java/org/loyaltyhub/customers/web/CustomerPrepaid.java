package org.loyaltyhub.customers.web;

import org.loyaltyhub.members.Member;
import org.loyaltyhub.programs.PrepaidCards;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.TooManyAttempts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer area's prepaid credit: the balance, the gift cards attached to the account, and attaching one with
 * its number and PIN (wrong PINs count towards the card's lock like anywhere else).
 */
@Controller
class CustomerPrepaid {

    private final SignedIn signedIn;
    private final PrepaidCards cards;

    CustomerPrepaid(SignedIn signedIn, PrepaidCards cards) {
        this.signedIn = signedIn;
        this.cards = cards;
    }

    @GetMapping("/c/{circuitId}/my/prepaid")
    String prepaid(@PathVariable long circuitId, Model model) {
        Member member = signedIn.member(circuitId, model);
        model.addAttribute("holding", cards.holding(circuitId, member.id()));
        return "customer/prepaid";
    }

    @PostMapping("/c/{circuitId}/my/prepaid/attach")
    String attach(@PathVariable long circuitId, @RequestParam(required = false) String number,
                  @RequestParam(required = false) String pin, Model model) {
        Member member = signedIn.member(circuitId, model);
        try {
            model.addAttribute("moved", cards.attach(circuitId, member.id(), number, pin));
        } catch (TooManyAttempts e) {
            model.addAttribute("attachError", "prepaid.lockedFor").addAttribute("minutes", e.minutes());
        } catch (LoyaltyException e) {
            model.addAttribute("attachError", "problem." + e.code()).addAttribute("attachErrorDetail", e.getMessage())
                    .addAttribute("number", number);
        }
        model.addAttribute("holding", cards.holding(circuitId, member.id()));
        return "customer/prepaid";
    }
}
