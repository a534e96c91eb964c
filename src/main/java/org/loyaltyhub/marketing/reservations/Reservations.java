package org.loyaltyhub.marketing.reservations;

import org.loyaltyhub.tenancy.Caller;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Reservations at the stores of a circuit: administrators define what a store offers to book, members (or an
 * operator for them) book a slot and may cancel it, and the counter marks arrivals and no-shows. A slot never holds
 * more places than it has, however many book at once.
 */
public interface Reservations {

    /** The zone a circuit's opening hours and days are read in: its program's time zone. */
    ZoneId zone(long circuitId);

    Bookable define(Caller caller, long storeId, BookableInput input);

    Bookable change(Caller caller, long bookableId, BookableInput input);

    /** What the caller's stores offer (every store of the circuit for its administrators). */
    List<Bookable> bookables(Caller caller);

    Bookable bookable(Caller caller, long bookableId);

    /** What the circuit's stores offer to its members (switched-on bookables only). */
    List<Bookable> offered(long circuitId);

    /** A switched-on bookable of the circuit, for members. */
    Bookable offered(long circuitId, long bookableId);

    /** The day's slots of a bookable of the circuit with the places left, past ones included. */
    List<Slot> slots(long circuitId, long bookableId, LocalDate day);

    /** A member books for themselves (customer area or landing page). */
    Reservation book(long circuitId, long memberId, Booking booking);

    /** An operator (or API key) books for a member they see, at a store they cover. */
    Reservation book(Caller caller, long memberId, Booking booking);

    Reservation reservation(Caller caller, long reservationId);

    /** The member's reservations from a day ago on, soonest first. */
    List<Reservation> upcoming(long circuitId, long memberId);

    /** The member cancels their own booked reservation before it starts. */
    Reservation cancel(long circuitId, long memberId, long reservationId);

    /** An operator cancels a reservation at a store they cover. */
    Reservation cancel(Caller caller, long reservationId);

    /** The counter marks that the member arrived (publishes {@code ReservationAttended}) or did not show up. */
    Reservation mark(Caller caller, long reservationId, ReservationStatus attendance);

    /** The day's reservations of a store the caller covers, by start time. */
    List<Reservation> day(Caller caller, long storeId, LocalDate day);
}
