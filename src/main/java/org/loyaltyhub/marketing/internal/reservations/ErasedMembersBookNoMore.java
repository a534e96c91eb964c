package org.loyaltyhub.marketing.internal.reservations;

import org.loyaltyhub.marketing.reservations.ReservationStatus;
import org.loyaltyhub.privacy.MemberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * An erased member will not come: their future bookings are cancelled in the erasing transaction and their seats given
 * back, without a cancellation e-mail (there is no address left to write to). Past bookings keep their outcome.
 */
@Component
class ErasedMembersBookNoMore {

    static final String BY = "erasure";

    private final ReservationRows rows;
    private final Clock clock;

    ErasedMembersBookNoMore(ReservationRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @EventListener
    void erased(MemberErased e) {
        Instant now = clock.instant();
        for (ReservationRows.ReservationRow r : rows.lockBooked(e.circuitId(), e.memberId(), now)) {
            rows.close(r.id(), r.status().then(ReservationStatus.CANCELLED), now, BY);
            rows.giveBack(r.bookableId(), r.startsAt(), r.seats());
        }
    }
}
