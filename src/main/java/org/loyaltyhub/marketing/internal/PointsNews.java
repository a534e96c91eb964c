package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.NotificationKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which notifications an entry on a member's points makes: points earned (earning, actions, a manual credit, pending
 * points released), points redeemed (a redemption or a reward captured), and the threshold reached when the entry
 * carries the available balance from below the threshold to it or above. Reversals and expiry tell nothing here.
 */
public final class PointsNews {

    static final Set<String> EARNING = Set.of("EARN", "PENDING_RELEASE", "MANUAL_CREDIT", "ACTION_REGISTRATION",
            "ACTION_NEWSLETTER", "ACTION_REVIEW");
    static final Set<String> REDEEMING = Set.of("REDEMPTION", "REWARD");

    private PointsNews() {
    }

    /**
     * @param kind         the entry's kind
     * @param reversal     whether the entry reverses another
     * @param available    what the entry moved on the member's available points
     * @param balanceAfter the member's available points after the entry
     * @param threshold    the balance announced when reached (null: none)
     */
    public static Set<NotificationKind> of(String kind, boolean reversal, long available, long balanceAfter,
                                           Long threshold) {
        Set<NotificationKind> news = EnumSet.noneOf(NotificationKind.class);
        if (reversal) {
            return news;
        }
        if (available > 0 && EARNING.contains(kind)) {
            news.add(NotificationKind.POINTS_EARNED);
        }
        if (REDEEMING.contains(kind)) {
            news.add(NotificationKind.POINTS_REDEEMED);
        }
        if (threshold != null && available > 0 && balanceAfter >= threshold && balanceAfter - available < threshold) {
            news.add(NotificationKind.THRESHOLD_REACHED);
        }
        return news;
    }
}
