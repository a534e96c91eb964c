package org.loyaltyhub.shared;

import java.time.Duration;

/** Too many attempts (sign-ins, sign-ups) from one address or for one account: try again after a while. */
public class TooManyAttempts extends LoyaltyException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("too-many-attempts", Failure.TOO_MANY, "Too many attempts: try again in " + minutes(retryAfter) + " minutes");
        this.retryAfter = retryAfter;
        with("retryAfterSeconds", seconds(retryAfter));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, at least one (the Retry-After header's value). */
    public long seconds() {
        return seconds(retryAfter);
    }

    /** Whole minutes to wait, at least one (for the pages' messages). */
    public long minutes() {
        return minutes(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private static long minutes(Duration d) {
        return Math.max(1, (seconds(d) + 59) / 60);
    }
}
