package org.loyaltyhub.passes.web;

import io.swagger.v3.oas.annotations.Operation;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.passes.PhonePasses;
import org.loyaltyhub.passes.WalletLinks;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The "add to wallet" links of a member's card, for a till or a shop to show or send. */
@RestController
class WalletLinksController {

    private final PhonePasses passes;
    private final Members members;

    WalletLinksController(PhonePasses passes, Members members) {
        this.passes = passes;
        this.members = members;
    }

    @Operation(summary = "The member's Apple Wallet and Google Wallet links",
            description = "Each is null when the circuit has not configured that wallet (Settings → Wallet passes). "
                    + "The links need no sign-in: send them to the member only.")
    @GetMapping("/api/v1/members/{memberId}/wallet-links")
    WalletLinks links(Caller caller, @PathVariable long memberId) {
        var member = members.visible(caller, memberId);
        return passes.links(member.circuitId(), member.id());
    }
}
