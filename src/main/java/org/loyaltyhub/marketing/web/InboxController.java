package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import org.loyaltyhub.marketing.Inbox;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The messages a member was sent, newest first, for the operators who see the member (and apps built on the API). */
@RestController
class InboxController {

    private final Inbox inbox;
    private final Members members;

    InboxController(Inbox inbox, Members members) {
        this.inbox = inbox;
        this.members = members;
    }

    @GetMapping("/api/v1/members/{memberId}/messages")
    @Operation(summary = "The messages sent to a member (notifications), newest first, read or not; at most "
            + "{limit} (1 to 200, 50 unless given)")
    List<Inbox.Message> messages(Caller caller, @PathVariable long memberId,
                                 @RequestParam(defaultValue = "50") int limit) {
        members.visible(caller, memberId);
        return inbox.latest(caller.circuit(), memberId, limit);
    }
}
