package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Receives a shop's webhook: finds the connection, verifies the signature on the raw bytes (current secret, then
 * the previous one during a rotation), stores the delivery once per dedupe key and queues it. Nothing is stored
 * for a bad signature, a ping or a duplicate.
 */
@Service
public class Webhooks {

    private static final Pattern WOO_PING = Pattern.compile("webhook_id=\\d+");

    private final Connections connections;
    private final Deliveries deliveries;
    private final DeliveryProcessor processor;

    Webhooks(Connections connections, Deliveries deliveries, DeliveryProcessor processor) {
        this.connections = connections;
        this.deliveries = deliveries;
        this.processor = processor;
    }

    /** What the shop is told: stored (with the delivery's id), a duplicate, or a ping. */
    public record Receipt(boolean stored, boolean duplicate, Long deliveryId, String note) {
    }

    /** Refused: the signature is missing or wrong. */
    public static final class BadSignature extends LoyaltyException {
        BadSignature(String detail) {
            super("bad-signature", 401, detail);
        }
    }

    /**
     * @param connectionId the id in the URL; null for Shopify's shop-wide address (resolved by its domain header)
     * @param header       the request's headers, looked up case-insensitively
     */
    public Receipt receive(Platform platform, Long connectionId, Function<String, String> header, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Connection c = connection(platform, connectionId, header, raw);
        return switch (platform) {
            case WOOCOMMERCE -> woo(c, header, raw);
            case SHOPIFY -> shopify(c, header, raw);
            case PRESTASHOP, WORDPRESS -> ours(c, header, raw);
        };
    }

    private Connection connection(Platform platform, Long connectionId, Function<String, String> header, byte[] body) {
        Connection c = connectionId != null
                ? connections.find(connectionId).filter(x -> x.platform() == platform)
                .orElseThrow(() -> new NotFound("Connection", connectionId))
                : signedShopify(header, body);
        if (!c.active()) {
            throw new LoyaltyException("connection-inactive", 410, "This shop connection is switched off");
        }
        return c;
    }

    /**
     * Shopify's app-wide address: the shop-domain header is not signed, so it only narrows the search to the
     * Shopify connections of that domain; the connection is the one whose secret verifies the body, and a body that
     * names another shop is refused. A connection whose secret did not verify is never acted on.
     */
    private Connection signedShopify(Function<String, String> header, byte[] body) {
        String domain = header.apply("X-Shopify-Shop-Domain");
        java.util.List<Connection> candidates = domain == null ? java.util.List.of() : connections.activeShopifyAll(domain);
        if (candidates.isEmpty()) {
            throw new NotFound("Connection", String.valueOf(domain));
        }
        String signature = header.apply("X-Shopify-Hmac-Sha256");
        return candidates.stream()
                .filter(c -> c.webhookSecret() != null
                        && Signatures.base64Matches(signature, body, c.webhookSecret(), c.previousSecret()))
                .findFirst()
                .orElseThrow(() -> new BadSignature(signature == null || signature.isBlank()
                        ? "The X-Shopify-Hmac-Sha256 header is missing"
                        : "The X-Shopify-Hmac-Sha256 signature does not match the secret of the shop " + domain));
    }

    private Receipt woo(Connection c, Function<String, String> header, byte[] body) {
        String signature = header.apply("X-WC-Webhook-Signature");
        if (signature == null && WOO_PING.matcher(new String(body, StandardCharsets.ISO_8859_1).strip()).matches()) {
            return new Receipt(false, false, null, "ping");
        }
        verify(c, signature, body, "X-WC-Webhook-Signature");
        String topic = required(header.apply("X-WC-Webhook-Topic"), "X-WC-Webhook-Topic");
        String key = "sha256:" + Signatures.sha256Hex((topic + "\n").getBytes(StandardCharsets.UTF_8), body);
        return store(c, topic, key, body, fields("topic", topic, "webhookId", header.apply("X-WC-Webhook-ID"),
                "deliveryId", header.apply("X-WC-Webhook-Delivery-ID"), "source", header.apply("X-WC-Webhook-Source")));
    }

    private Receipt shopify(Connection c, Function<String, String> header, byte[] body) {
        verify(c, header.apply("X-Shopify-Hmac-Sha256"), body, "X-Shopify-Hmac-Sha256");
        otherShop(c, body).ifPresent(other -> {
            throw new BadSignature("The body belongs to the shop " + other + ", not to " + c.shopDomain());
        });
        String topic = required(header.apply("X-Shopify-Topic"), "X-Shopify-Topic");
        String eventId = header.apply("X-Shopify-Event-Id");
        String key = eventId != null ? "event:" + eventId
                : "sha256:" + Signatures.sha256Hex((topic + "\n").getBytes(StandardCharsets.UTF_8), body);
        return store(c, topic, key, body, fields("topic", topic, "eventId", eventId,
                "webhookId", header.apply("X-Shopify-Webhook-Id"), "shop", header.apply("X-Shopify-Shop-Domain"),
                "triggeredAt", header.apply("X-Shopify-Triggered-At"), "apiVersion", header.apply("X-Shopify-API-Version")));
    }

    /**
     * The myshopify.com domain the signed body names, when it is not the connection's: a body one shop's webhook
     * carried, re-sent under another shop's domain header (shops installed through the same app share its secret).
     */
    private static Optional<String> otherShop(Connection c, byte[] body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException notJson) {
            return Optional.empty(); // the processor reports it
        }
        if (!json.isObject()) {
            return Optional.empty();
        }
        String named = Optional.ofNullable(Json.text(json, "shop_domain")).or(() -> Optional.ofNullable(
                Json.text(json, "myshopify_domain"))).orElseGet(() -> myshopifyHost(Json.text(json, "order_status_url")));
        return named == null || named.equalsIgnoreCase(c.shopDomain()) ? Optional.empty() : Optional.of(named);
    }

    private static String myshopifyHost(String url) {
        try {
            String host = url == null ? null : java.net.URI.create(url).getHost();
            return host != null && host.toLowerCase(java.util.Locale.ROOT).endsWith(".myshopify.com") ? host : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Receipt ours(Connection c, Function<String, String> header, byte[] body) {
        verify(c, header.apply("X-LoyaltyHub-Signature"), body, "X-LoyaltyHub-Signature");
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException e) {
            throw new LoyaltyException("invalid-payload", 400, "The body is not JSON");
        }
        // the body's event is signed, the header is not: the body decides
        String topic = Json.text(json, "event") != null ? Json.text(json, "event") : header.apply("X-LoyaltyHub-Topic");
        required(topic, "event");
        if (topic.equals("ping")) {
            return new Receipt(false, false, null, "ping");
        }
        String eventId = header.apply("X-LoyaltyHub-Event-Id");
        String key = eventId != null ? "event:" + eventId
                : "sha256:" + Signatures.sha256Hex((topic + "\n").getBytes(StandardCharsets.UTF_8), body);
        return store(c, topic, key, body, fields("topic", topic, "eventId", eventId,
                "shop", header.apply("X-LoyaltyHub-Shop")));
    }

    private void verify(Connection c, String signature, byte[] body, String headerName) {
        if (signature == null || signature.isBlank()) {
            throw new BadSignature("The " + headerName + " header is missing");
        }
        if (c.webhookSecret() == null || !Signatures.base64Matches(signature, body, c.webhookSecret(), c.previousSecret())) {
            throw new BadSignature("The " + headerName + " signature does not match this connection's secret");
        }
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

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new LoyaltyException("invalid-payload", 400, "The delivery has no " + name);
        }
        return value;
    }
}
