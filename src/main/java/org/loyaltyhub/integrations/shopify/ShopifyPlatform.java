package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.internal.BadSignature;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.CheckResult;
import org.loyaltyhub.integrations.internal.Connections;
import org.loyaltyhub.integrations.internal.DiscountApi;
import org.loyaltyhub.integrations.internal.WebhookReport;
import org.loyaltyhub.integrations.internal.Inbound;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Outcome;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopPlatform;
import org.loyaltyhub.integrations.internal.Signatures;
import org.loyaltyhub.shared.NotFound;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shopify: webhooks signed with {@code X-Shopify-Hmac-Sha256} by the app's client secret (the connection's webhook
 * secret, set by Shopify), also on the app-wide address; subscriptions, the connection check and discount codes
 * over the Admin GraphQL API with the access token; codes restricted to the shop's customer.
 */
@Component
class ShopifyPlatform implements ShopPlatform {

    private final ShopifyHandler handler;
    private final ShopifyDiscounts discounts;
    private final ShopifyWebhookRegistration registration;
    private final ShopifyAdmin admin;
    private final Connections connections;

    ShopifyPlatform(ShopifyHandler handler, ShopifyDiscounts discounts, ShopifyWebhookRegistration registration,
                    ShopifyAdmin admin, Connections connections) {
        this.handler = handler;
        this.discounts = discounts;
        this.registration = registration;
        this.admin = admin;
        this.connections = connections;
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    /**
     * Shopify's app-wide address: the shop-domain header is not signed, so it only narrows the search to the
     * Shopify connections of that domain; the connection is the one whose secret verifies the body, and a body that
     * names another shop is refused (in {@link #verify}). A connection whose secret did not verify is never acted on.
     */
    @Override
    public Connection appWideConnection(Function<String, String> header, byte[] body) {
        String domain = header.apply("X-Shopify-Shop-Domain");
        List<Connection> candidates = domain == null ? List.of() : connections.allActiveAt(Platform.SHOPIFY, domain);
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

    @Override
    public Inbound verify(Connection c, Function<String, String> header, byte[] body) {
        Inbound.verifySignature(c, header.apply("X-Shopify-Hmac-Sha256"), body, "X-Shopify-Hmac-Sha256");
        otherShop(c, body).ifPresent(other -> {
            throw new BadSignature("The body belongs to the shop " + other + ", not to " + c.shopDomain());
        });
        String topic = Inbound.required(header.apply("X-Shopify-Topic"), "X-Shopify-Topic");
        String eventId = header.apply("X-Shopify-Event-Id");
        String key = eventId != null ? "event:" + eventId : Inbound.hashKey(topic, body);
        return Inbound.of(topic, key, "topic", topic, "eventId", eventId,
                "webhookId", header.apply("X-Shopify-Webhook-Id"), "shop", header.apply("X-Shopify-Shop-Domain"),
                "triggeredAt", header.apply("X-Shopify-Triggered-At"), "apiVersion", header.apply("X-Shopify-API-Version"));
    }

    @Override
    public Outcome handle(Connection c, String topic, JsonNode body) {
        return handler.handle(c, topic, body);
    }

    @Override
    public CheckResult check(Connection c) throws ShopHttp.Unreachable {
        if (c.apiKey() == null) {
            return CheckResult.problem("no Shopify access token is stored for this connection");
        }
        ShopHttp.Answer a = admin.graphql(c, "{\"query\":\"{ shop { name } }\"}");
        return CheckResult.judge(a, "Shopify Admin API", "the access token is wrong or was revoked",
                body -> body.path("data").path("shop").has("name")
                        ? CheckResult.fine(body.path("data").path("shop").path("name").asString()) : null);
    }

    @Override
    public boolean registersWebhooks() {
        return true;
    }

    @Override
    public WebhookReport registerWebhooks(Connection c, String url) throws ShopHttp.Unreachable {
        return registration.register(c, url);
    }

    @Override
    public Optional<String> secretSetByShop() {
        return Optional.of("the Shopify app's client secret, which signs its webhooks");
    }

    @Override
    public Optional<DiscountApi> discounts() {
        return Optional.of(discounts);
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
            return host != null && host.toLowerCase(Locale.ROOT).endsWith(".myshopify.com") ? host : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
