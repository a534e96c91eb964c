package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.InvalidInput;

/**
 * Whether a circuit sends a notification, with its parameter: the balance {@code THRESHOLD_REACHED} announces, the
 * days before their expiry {@code POINTS_EXPIRING} warns (30 unless set). A switched-on threshold needs its balance.
 * {@code enabled} is the notification itself (the inbox and the e-mail); {@code sms} sends it by SMS as well (off
 * unless the circuit turns it on; nothing goes by SMS while the notification itself is off).
 */
public record NotificationSetting(NotificationKind kind, boolean enabled, Long threshold, Integer days, boolean sms) {

    public static final int DEFAULT_DAYS = 30;

    public NotificationSetting {
        if (kind == null) {
            throw new InvalidInput("kind", "A notification kind is needed");
        }
        if (threshold != null && (threshold < 1 || threshold > 1_000_000_000L)) {
            throw new InvalidInput("threshold", "The threshold is a balance from 1 to 1,000,000,000 points");
        }
        if (kind == NotificationKind.THRESHOLD_REACHED && enabled && threshold == null) {
            throw new InvalidInput("threshold", "Give the balance that is announced when reached");
        }
        if (days != null && (days < 1 || days > 365)) {
            throw new InvalidInput("days", "Warn from 1 to 365 days before the points expire");
        }
        if (kind == NotificationKind.POINTS_EXPIRING && days == null) {
            days = DEFAULT_DAYS;
        }
    }

    /** A setting without SMS. */
    public NotificationSetting(NotificationKind kind, boolean enabled, Long threshold, Integer days) {
        this(kind, enabled, threshold, days, false);
    }

    /** Whether an SMS goes out: the notification is on and so is its SMS. */
    public boolean sendsSms() {
        return enabled && sms;
    }

    /** A kind the circuit never set: on for the service the member asked for (bookings), off for the others. */
    public static NotificationSetting unset(NotificationKind kind) {
        return new NotificationSetting(kind, kind.audience() == NotificationKind.Audience.SERVICE, null, null);
    }
}
