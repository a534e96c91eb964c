package org.loyaltyhub.marketing.reservations;

import org.loyaltyhub.shared.InvalidInput;

import java.time.Instant;

/**
 * A request to book: the bookable, the slot's start, the places, and the key that makes a retried request return
 * the first booking (the API's Idempotency-Key, or a form's one-time token); {@code landingPageId} when it came from a
 * landing page.
 */
public record Booking(long bookableId, Instant startsAt, int seats, String requestKey, Long landingPageId) {

    public Booking {
        if (startsAt == null) {
            throw new InvalidInput("startsAt", "choose a slot");
        }
        if (seats < 1 || seats > BookableInput.MAX_CAPACITY) {
            throw new InvalidInput("seats", "book 1 to " + BookableInput.MAX_CAPACITY + " places");
        }
        if (requestKey == null || requestKey.isBlank() || requestKey.length() > 200) {
            throw new IllegalArgumentException("A booking needs a request key of 1 to 200 characters");
        }
    }
}
