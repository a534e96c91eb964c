package org.loyaltyhub.programs.web;

import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The store counter: find the customer by what they show or say (card number, phone, e-mail) and see their points.
 * A plain GET form, so it works with the keyboard alone and without JavaScript; htmx swaps just the result in.
 */
@Page
class CounterPage {

    private final Members members;
    private final PointsService points;

    CounterPage(Members members, PointsService points) {
        this.members = members;
        this.points = points;
    }

    @GetMapping("/counter")
    String counter(Caller caller, @RequestParam(required = false) String q, Model model) {
        caller.circuit();
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty()) {
            return "counter";
        }
        try {
            Member member = members.identify(caller, identifier(query));
            model.addAttribute("member", member).addAttribute("balance", points.balance(caller, member.id()))
                    .addAttribute("memberId", member.id()).addAttribute("saleId", java.util.UUID.randomUUID().toString());
        } catch (NotFound e) {
            model.addAttribute("problem", "counter.notFound");
        } catch (InvalidInput e) {
            model.addAttribute("problem", "counter.invalidCard");
        }
        return "counter";
    }

    /** What the operator typed or scanned: a card's QR code, a card number, an e-mail (has @) or else a phone number. */
    static MemberIdentifier identifier(String query) {
        if (query.startsWith("LH1-")) {
            return new MemberIdentifier(null, null, query.strip(), null, null, null, null);
        }
        if (query.contains("@")) {
            return MemberIdentifier.byEmail(query);
        }
        String compact = query.replaceAll("[\\s-]", "");
        if (compact.matches("\\d{13}")) {
            return MemberIdentifier.byCard(compact);
        }
        return new MemberIdentifier(null, null, null, null, query, null, null);
    }
}
