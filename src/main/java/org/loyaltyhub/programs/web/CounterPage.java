package org.loyaltyhub.programs.web;

import org.loyaltyhub.members.AmbiguousMember;
import org.loyaltyhub.members.CardBlocked;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MemberCandidate;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The store counter: find the customer by what they show or say (card number, phone, e-mail, name) and see their
 * points; when several customers fit, the operator chooses from a list.
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
    String counter(Caller caller, @RequestParam(required = false) String q,
                   @RequestParam(required = false) Long member, Model model) {
        caller.circuit();
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty() && member == null) {
            return "counter";
        }
        try {
            // after a sale, "next purchase" comes back with the member's id for a fresh form and balance
            show(caller, member != null ? members.visible(caller, member) : member(caller, query, model), model);
        } catch (AmbiguousMember e) {
            model.addAttribute("candidates", e.candidates());
        } catch (CardBlocked e) {
            model.addAttribute("blockedCard", e); // not "not found": the customer has a newer card
        } catch (NotFound e) {
            model.addAttribute("problem", "counter.notFound");
        } catch (InvalidInput e) {
            model.addAttribute("problem", "counter.invalidCard");
        }
        return "counter";
    }

    /** The one member the query names; a name that fits several is a list to choose from. */
    private Member member(Caller caller, String query, Model model) {
        MemberIdentifier identifier = identifier(query);
        if (identifier != null) {
            return members.identify(caller, identifier);
        }
        org.loyaltyhub.shared.Page<Member> found = members.search(caller, query, new PageQuery(0, 10));
        if (found.total() == 1) {
            return found.items().getFirst();
        }
        if (found.total() == 0) {
            throw new NotFound("Member", query);
        }
        model.addAttribute("moreCandidates", found.total() > found.items().size());
        throw new AmbiguousMember("the name " + query, found.items().stream().map(MemberCandidate::of).toList());
    }

    private void show(Caller caller, Member member, Model model) {
        model.addAttribute("member", member).addAttribute("balance", points.balance(caller, member.id()))
                .addAttribute("memberId", member.id()).addAttribute("saleId", java.util.UUID.randomUUID().toString());
    }

    /**
     * What the operator typed or scanned: a card's QR code, a card number, an e-mail (has @), a phone number, or
     * else (null) a name to search for.
     */
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
        if (query.matches("\\+?[0-9 ().\\-/]{6,30}")) {
            return new MemberIdentifier(null, null, null, null, query, null, null);
        }
        return null;
    }
}
