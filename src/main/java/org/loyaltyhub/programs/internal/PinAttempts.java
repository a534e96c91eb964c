package org.loyaltyhub.programs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A gift card's PIN guard: {@link #MAX_WRONG} wrong PINs in a row lock the card for {@link #LOCK}; a right PIN starts
 * the count again. Kept on the card's row and changed under its lock, so every node counts the same attempts.
 */
public record PinAttempts(int failed, Instant lockedUntil) {

    public static final int MAX_WRONG = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    public PinAttempts {
        if (failed < 0 || failed >= MAX_WRONG) {
            throw new IllegalArgumentException("failed PINs count between 0 and " + (MAX_WRONG - 1));
        }
    }

    /** How long the card stays locked; empty when a PIN may be tried now. */
    public Optional<Duration> locked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil)
                ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /** After a wrong PIN: one more failure, or, at the fifth, locked from now and counting from zero again. */
    public PinAttempts wrong(Instant now) {
        return failed + 1 >= MAX_WRONG ? new PinAttempts(0, now.plus(LOCK)) : new PinAttempts(failed + 1, lockedUntil);
    }

    /** After a right PIN. */
    public PinAttempts right() {
        return new PinAttempts(0, null);
    }

    /** Wrong PINs left before the card locks. */
    public int left() {
        return MAX_WRONG - failed;
    }
}
