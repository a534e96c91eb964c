package org.loyaltyhub.marketing;

import java.time.Instant;

/**
 * A member showed up for a reservation, as the counter marked it; published in the marking transaction (for the
 * {@code reservation_attended} campaign trigger).
 */
public record ReservationAttended(long circuitId, long memberId, long reservationId, long storeId, Instant at) {
}
