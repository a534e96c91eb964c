package org.loyaltyhub.marketing.reservations;

import java.time.Instant;

/** A bookable's slot and the places still free in it. */
public record Slot(Instant startsAt, Instant endsAt, int free) {
}
