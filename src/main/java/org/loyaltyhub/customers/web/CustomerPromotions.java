package org.loyaltyhub.customers.web;

import org.loyaltyhub.programs.ActivePromotions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The customer area's running promotions: what each gives and until when. */
@Controller
class CustomerPromotions {

    private final SignedIn signedIn;
    private final ActivePromotions promotions;
    private final java.time.Clock clock;

    CustomerPromotions(SignedIn signedIn, ActivePromotions promotions, java.time.Clock clock) {
        this.signedIn = signedIn;
        this.promotions = promotions;
        this.clock = clock;
    }

    @GetMapping("/c/{circuitId}/my/promotions")
    String list(@PathVariable long circuitId, Model model) {
        long memberId = signedIn.member(circuitId, model).id();
        model.addAttribute("promotions", promotions.running(circuitId, memberId)).addAttribute("now", clock.instant());
        return "customer/promotions";
    }
}
