package org.loyaltyhub.marketing.internal.reservations;

import org.loyaltyhub.marketing.ReservationAttended;
import org.loyaltyhub.programs.CampaignEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member who showed up for a reservation is a {@code reservation_attended} event for promotions and funnels (issue
 * 13 §6): received in the transaction that marks the arrival, once per reservation (the event id names it), so a
 * campaign's points and the arrival are written together or not at all.
 */
@Component
class AttendanceCampaigns {

    private final CampaignEvents campaigns;

    AttendanceCampaigns(CampaignEvents campaigns) {
        this.campaigns = campaigns;
    }

    @EventListener
    void attended(ReservationAttended e) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("reservationId", String.valueOf(e.reservationId()));
        attributes.put("storeId", e.storeId());
        campaigns.received(new CampaignEvents.Event(e.circuitId(), e.memberId(), "reservation_attended",
                "reservation-" + e.reservationId(), e.at(), attributes, "counter"));
    }
}
