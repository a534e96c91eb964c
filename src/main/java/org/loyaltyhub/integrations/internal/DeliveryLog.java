package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Set;

/** The back office's view of deliveries: what came in, what it came to, and replaying one. */
@Service
public class DeliveryLog {

    private static final Set<String> STATUSES = Set.of("RECEIVED", "PROCESSED", "FAILED", "IGNORED");

    private final Deliveries deliveries;
    private final ConnectionService connections;
    private final DeliveryProcessor processor;

    DeliveryLog(Deliveries deliveries, ConnectionService connections, DeliveryProcessor processor) {
        this.deliveries = deliveries;
        this.connections = connections;
        this.processor = processor;
    }

    public record Item(long id, long connectionId, String topic, Delivery.Status status, int attempts,
                       String lastError, String outcome, Instant receivedAt, Instant processedAt, boolean givenUp) {
        static Item of(Delivery d) {
            return new Item(d.id(), d.connectionId(), d.topic(), d.status(), d.attempts(), d.lastError(), d.outcome(),
                    d.receivedAt(), d.processedAt(), d.givenUp());
        }
    }

    public Page<Item> of(Connection c, String status, PageQuery page) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInput("status", "must be one of " + STATUSES);
        }
        Page<Delivery> p = deliveries.ofConnection(c.id(), status, page);
        return new Page<>(p.items().stream().map(Item::of).toList(), p.page(), p.size(), p.total());
    }

    /** Queues the delivery again (processing is idempotent, so a replay of a processed one changes nothing). */
    public Item replay(Caller caller, long deliveryId) {
        Delivery d = deliveries.find(deliveryId).filter(x -> x.circuitId() == caller.circuit())
                .orElseThrow(() -> new NotFound("Delivery", deliveryId));
        connections.owned(caller, d.connectionId());
        if (!deliveries.requeue(deliveryId)) {
            throw new org.loyaltyhub.shared.LoyaltyException("delivery-erased", Failure.CONFLICT,
                    "This delivery's body was erased on the shop's request; it cannot be replayed");
        }
        processor.submit(deliveryId);
        return Item.of(deliveries.find(deliveryId).orElseThrow());
    }
}
