package org.loyaltyhub.customers.web;

import org.loyaltyhub.customers.Customer;
import org.loyaltyhub.customers.internal.CustomerSecurity.CustomerSessions;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The member signed in to this circuit's customer area, added to the page with the circuit and the count of unread
 * messages the nav shows; 403 for anyone else.
 */
@Component
class SignedIn {

    private final SpaceModel space;
    private final Members members;
    private final org.loyaltyhub.marketing.Inbox inbox;

    SignedIn(SpaceModel space, Members members, org.loyaltyhub.marketing.Inbox inbox) {
        this.space = space;
        this.members = members;
        this.inbox = inbox;
    }

    Member member(long circuitId, Model model) {
        Customer customer = CustomerSessions.current()
                .filter(c -> c.circuitId() == circuitId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        space.add(circuitId, model);
        Member member = members.own(circuitId, customer.memberId());
        model.addAttribute("member", member).addAttribute("signedIn", true)
                .addAttribute("unreadMessages", inbox.unread(circuitId, member.id()));
        return member;
    }
}
