package org.loyaltyhub.marketing.reservations;

/**
 * A reservation's life: booked, then cancelled, or closed at the counter as arrived or no-show. Only a booked
 * reservation moves, and only once.
 */
public enum ReservationStatus {
    BOOKED, CANCELLED, ARRIVED, NO_SHOW;

    /** The status after the counter's mark or a cancellation; refuses a reservation that is no longer booked. */
    public ReservationStatus then(ReservationStatus next) {
        if (this != BOOKED) {
            throw new BookingRefused(BookingRefused.Reason.NOT_OPEN);
        }
        if (next == BOOKED) {
            throw new IllegalArgumentException("A booked reservation can only be cancelled, arrived or no-show");
        }
        return next;
    }

    /** What the counter may mark. */
    public boolean isAttendance() {
        return this == ARRIVED || this == NO_SHOW;
    }
}
