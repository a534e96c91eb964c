package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdraws a member's marketing consent from the signed link of an e-mail; the consent history records it with
 * the source {@value #SOURCE}. Withdrawing twice changes nothing more.
 */
@Service
@Transactional
public class Unsubscribes {

    static final String SOURCE = "unsubscribe-link";

    private final UnsubscribeLinks links;
    private final Members members;
    private final Tenancy tenancy;

    Unsubscribes(UnsubscribeLinks links, Members members, Tenancy tenancy) {
        this.links = links;
        this.members = members;
        this.tenancy = tenancy;
    }

    /** A link whose signature is not the member's (or of no member): answered as not found. */
    public static class InvalidLink extends LoyaltyException {
        InvalidLink() {
            super("invalid-unsubscribe-link", Failure.NOT_FOUND, "This unsubscribe link is not valid");
        }
    }

    /** The circuit of a valid link, for the page that asks to confirm. */
    public Circuit circuit(long circuitId, long memberId, String signature) {
        check(circuitId, memberId, signature);
        return tenancy.circuit(circuitId);
    }

    public Circuit withdraw(long circuitId, long memberId, String signature) {
        check(circuitId, memberId, signature);
        members.withdraw(circuitId, memberId, ConsentKind.MARKETING, SOURCE);
        return tenancy.circuit(circuitId);
    }

    private void check(long circuitId, long memberId, String signature) {
        if (!links.valid(circuitId, memberId, signature)) {
            throw new InvalidLink();
        }
    }
}
