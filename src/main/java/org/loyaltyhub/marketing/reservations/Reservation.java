package org.loyaltyhub.marketing.reservations;

import java.time.Instant;

/** A member's booking of a slot, with the names the pages and e-mails show. */
public record Reservation(long id, long circuitId, long bookableId, String bookableName, long storeId,
                          String storeName, long memberId, String memberName, Instant startsAt, Instant endsAt,
                          int seats, ReservationStatus status) {
}
