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

    /**
     * An event about a member of the circuit; {@code occurredAt} null means now. {@code companyId} is the company it
     * happened at (null: the company of the store its {@code storeId} attribute names, if any): in a coalition that
     * enforces budgets, the points its promotions give come out of that company's budget.
     */
    record Event(long circuitId, long memberId, String type, String eventId, Instant occurredAt, JsonNode attributes,
                 String actor, Long companyId) {

        /** An event whose company, if any, is the one of the store its {@code storeId} attribute names. */
        public Event(long circuitId, long memberId, String type, String eventId, Instant occurredAt,
                     JsonNode attributes, String actor) {
            this(circuitId, memberId, type, eventId, occurredAt, attributes, actor, null);
        }
    }

    /** What receiving it did: whether it was new, and what each promotion and funnel did with it, in words. */
    record Received(long id, boolean replay, java.util.List<String> outcomes) {
    }

    /**
     * Records the event and applies the promotions and funnels it triggers in the caller's transaction; an unknown
     * type, attributes its schema refuses or a {@code storeId} attribute naming no store of the circuit are an
     * {@code InvalidInput}, and nothing is written.
     */
    Received received(Event event);
}
