package org.loyaltyhub.marketing.reservations;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A booking or a change of one that the rules refuse: problem {@code booking-refused} with its {@code reason}. */
public class BookingRefused extends LoyaltyException {

    /** Why; each has a message next to the field on the pages ({@code bookings.refused.<REASON>}). */
    public enum Reason {
        /** The slot has started or is over. */
        IN_THE_PAST,
        /** The day is closed or outside the opening hours. */
        CLOSED,
        /** The time is not the start of one of the bookable's slots. */
        NOT_A_SLOT,
        /** Fewer places are left in the slot than asked for. */
        OVER_CAPACITY,
        /** The bookable is switched off. */
        NOT_OFFERED,
        /** The reservation was already cancelled or closed at the counter. */
        NOT_OPEN,
        /** A no-show marked before the reservation's start. */
        TOO_EARLY
    }

    private final Reason reason;

    public BookingRefused(Reason reason) {
        super("booking-refused", reason == Reason.OVER_CAPACITY || reason == Reason.NOT_OPEN ? Failure.CONFLICT : Failure.REFUSED,
                "The booking was refused: " + reason);
        this.reason = reason;
        with("reason", reason.name());
    }

    public Reason reason() {
        return reason;
    }
}
