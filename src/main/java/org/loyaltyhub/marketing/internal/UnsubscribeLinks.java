package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.shared.web.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe link of a member's marketing e-mails: {@code /unsubscribe/<circuit>/<member>/<signature>},
 * signed with the circuit's own key ({@link CircuitSignature}), so nobody can withdraw another member's consent by
 * guessing ids.
 */
@Component
public class UnsubscribeLinks {

    private final CircuitSignature signature;
    private final PublicUrl urls;

    UnsubscribeLinks(CircuitSignature signature, PublicUrl urls) {
        this.signature = signature;
        this.urls = urls;
    }

    public String url(long circuitId, long memberId) {
        return urls.anywhere(path(circuitId, memberId));
    }

    public String path(long circuitId, long memberId) {
        return "/unsubscribe/" + circuitId + "/" + memberId + "/" + signature.sign(circuitId, message(circuitId, memberId));
    }

    /** Whether the signature is the one of this member's link, compared in constant time. */
    public boolean valid(long circuitId, long memberId, String signature) {
        return this.signature.valid(circuitId, message(circuitId, memberId), signature);
    }

    private static String message(long circuitId, long memberId) {
        return "unsubscribe:" + circuitId + ":" + memberId;
    }
}
