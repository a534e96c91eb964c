package org.loyaltyhub.programs;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Events that promotions and funnels trigger on, for the other modules (reservations, check-ins) and the events API:
 * a typed event ({@code wifi_login}, {@code store_checkin}, …) or one of a type the circuit declared, with its
 * attributes checked against the type's schema. Each event is received once per {@code eventId} (the caller's id):
 * a replay returns the first result and gives nothing again.
 */
public interface CampaignEvents {

    /** An event about a member of the circuit; {@code occurredAt} null means now. */
    record Event(long circuitId, long memberId, String type, String eventId, Instant occurredAt, JsonNode attributes,
                 String actor) {
    }

    /** What receiving it did: whether it was new, and what each promotion and funnel did with it, in words. */
    record Received(long id, boolean replay, java.util.List<String> outcomes) {
    }

    /**
     * Records the event and applies the promotions and funnels it triggers in the caller's transaction; an unknown
     * type or attributes its schema refuses are an {@code InvalidInput}, and nothing is written.
     */
    Received received(Event event);
}
