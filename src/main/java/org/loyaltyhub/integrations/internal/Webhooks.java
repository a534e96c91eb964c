package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Receives a shop's webhook: finds the connection, has its platform verify the signature on the raw bytes (current
 * secret, then the previous one during a rotation), stores the delivery once per dedupe key and queues it. Nothing is stored
 * for a bad signature, a ping or a duplicate.
 */
@Service
public class Webhooks {

    private final Connections connections;
    private final Deliveries deliveries;
    private final DeliveryProcessor processor;
    private final ShopPlatforms platforms;

    Webhooks(Connections connections, Deliveries deliveries, DeliveryProcessor processor, ShopPlatforms platforms) {
        this.connections = connections;
        this.deliveries = deliveries;
        this.processor = processor;
        this.platforms = platforms;
    }

    /** What the shop is told: stored (with the delivery's id), a duplicate, or a ping. */
    public record Receipt(boolean stored, boolean duplicate, Long deliveryId, String note) {
    }

    /**
     * @param connectionId the id in the URL; null for a platform's app-wide address (Shopify's, resolved by its
     *                     domain header and the secret that verifies)
     * @param header       the request's headers, looked up case-insensitively
     */
    public Receipt receive(Platform platform, Long connectionId, Function<String, String> header, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        ShopPlatform shop = platforms.of(platform);
        Connection c = connectionId != null
                ? connections.find(connectionId).filter(x -> x.platform() == platform)
                .orElseThrow(() -> new NotFound("Connection", connectionId))
                : shop.appWideConnection(header, raw);
        if (!c.active()) {
            throw new LoyaltyException("connection-inactive", Failure.GONE, "This shop connection is switched off");
        }
        Inbound in = shop.verify(c, header, raw);
        return in.ping() ? new Receipt(false, false, null, "ping") : store(c, in.topic(), in.dedupeKey(), raw, in.headers());
    }

    private Receipt store(Connection c, String topic, String key, byte[] body, Map<String, String> headers) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        headers.forEach((k, v) -> {
            if (v != null) {
                h.put(k, v.length() > 300 ? v.substring(0, 300) : v);
            }
        });
        Optional<Long> id = deliveries.insert(c, topic.length() > 100 ? topic.substring(0, 100) : topic, key, body,
                h.toString());
        id.ifPresent(processor::submit);
        return id.map(x -> new Receipt(true, false, x, null)).orElseGet(() -> new Receipt(false, true, null, "duplicate"));
    }
}
