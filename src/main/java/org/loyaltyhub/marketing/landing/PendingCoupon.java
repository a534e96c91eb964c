package org.loyaltyhub.marketing.landing;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Optional;

/**
 * A coupon a visitor asked for on a landing page (its page and button), kept in their session until they are signed
 * in to the customer area, which then claims it ({@link LandingPages#claimCoupon}).
 */
public record PendingCoupon(long circuitId, String slug, int position) implements Serializable {

    private static final String KEY = "loyaltyhub.landing.pendingCoupon";

    public void keep(HttpSession session) {
        session.setAttribute(KEY, this);
    }

    /** Whether a coupon of this circuit waits in the session. */
    public static boolean waiting(HttpSession session, long circuitId) {
        return session != null && session.getAttribute(KEY) instanceof PendingCoupon p && p.circuitId() == circuitId;
    }

    /** The coupon of this circuit waiting in the session, taken out of it. */
    public static Optional<PendingCoupon> take(HttpSession session, long circuitId) {
        if (!waiting(session, circuitId)) {
            return Optional.empty();
        }
        PendingCoupon p = (PendingCoupon) session.getAttribute(KEY);
        session.removeAttribute(KEY);
        return Optional.of(p);
    }
}
