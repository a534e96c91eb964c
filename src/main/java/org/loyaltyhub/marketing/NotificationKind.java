package org.loyaltyhub.marketing;

/**
 * The notifications a circuit can send its members, each switched on or off per circuit. A transactional one tells
 * about the member's own account and needs the privacy consent; a marketing one (a greeting, a referral reward) needs
 * the marketing consent and carries a one-click unsubscribe.
 */
public enum NotificationKind {
    POINTS_EARNED(Audience.TRANSACTIONAL),
    POINTS_REDEEMED(Audience.TRANSACTIONAL),
    THRESHOLD_REACHED(Audience.TRANSACTIONAL),
    POINTS_EXPIRING(Audience.TRANSACTIONAL),
    TIER_CHANGED(Audience.TRANSACTIONAL),
    BADGE_CHANGED(Audience.TRANSACTIONAL),
    MEMBERSHIP_RENEWED(Audience.TRANSACTIONAL),
    MEMBERSHIP_EXPIRING(Audience.TRANSACTIONAL),
    VOUCHER_ISSUED(Audience.TRANSACTIONAL),
    RECEIPT_APPROVED(Audience.TRANSACTIONAL),
    RECEIPT_REFUSED(Audience.TRANSACTIONAL),
    BIRTHDAY(Audience.MARKETING),
    REFERRAL_REWARD(Audience.MARKETING),
    BOOKING_CONFIRMED(Audience.SERVICE),
    BOOKING_REMINDER(Audience.SERVICE),
    BOOKING_CANCELLED(Audience.SERVICE);

    /**
     * Whom a message may reach: account news (privacy consent), promotion (marketing consent) or the service the
     * member asked for (a booking's confirmation, reminder and cancellation: any member with an e-mail, on unless
     * the circuit switches it off).
     */
    public enum Audience {
        TRANSACTIONAL, MARKETING, SERVICE
    }

    private final Audience audience;

    NotificationKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    /** The kind named in a request or a form; null when there is none by that name. */
    public static NotificationKind read(String name) {
        for (NotificationKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
