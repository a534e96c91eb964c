package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.NotificationKind.Audience;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Member;

import java.util.List;

/**
 * Whether a member may be e-mailed: account news needs the privacy notice accepted, promotion the marketing consent;
 * a consent withdrawn later counts as not given.
 */
public final class ConsentRule {

    private ConsentRule() {
    }

    public static ConsentKind needed(Audience audience) {
        return audience == Audience.MARKETING ? ConsentKind.MARKETING : ConsentKind.PRIVACY;
    }

    public static boolean allows(Audience audience, List<Member.Consent> consents) {
        if (audience == Audience.SERVICE) {
            return true;
        }
        ConsentKind kind = needed(audience);
        return consents != null && consents.stream().anyMatch(c -> c.kind() == kind && c.granted());
    }
}
