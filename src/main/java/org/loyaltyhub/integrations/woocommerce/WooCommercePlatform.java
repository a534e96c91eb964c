package org.loyaltyhub.integrations.woocommerce;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.CheckResult;
import org.loyaltyhub.integrations.internal.DiscountApi;
import org.loyaltyhub.integrations.internal.WebhookReport;
import org.loyaltyhub.integrations.internal.Inbound;
import org.loyaltyhub.integrations.internal.Outcome;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopPlatform;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * WooCommerce: webhooks signed with {@code X-WC-Webhook-Signature} and registered through the REST API v3 with the
 * consumer key and secret (which the shop's administrator can approve instead of pasting); coupons restricted to
 * the customer's e-mail.
 */
@Component
class WooCommercePlatform implements ShopPlatform {

    private static final Pattern PING = Pattern.compile("webhook_id=\\d+");

    private final WooCommerceHandler handler;
    private final WooCoupons coupons;
    private final WooWebhookRegistration registration;
    private final ShopHttp http;

    WooCommercePlatform(WooCommerceHandler handler, WooCoupons coupons, WooWebhookRegistration registration,
                        ShopHttp http) {
        this.handler = handler;
        this.coupons = coupons;
        this.registration = registration;
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public Inbound verify(Connection c, Function<String, String> header, byte[] body) {
        String signature = header.apply("X-WC-Webhook-Signature");
        if (signature == null && PING.matcher(new String(body, StandardCharsets.ISO_8859_1).strip()).matches()) {
            return Inbound.aPing();
        }
        Inbound.verifySignature(c, signature, body, "X-WC-Webhook-Signature");
        String topic = Inbound.required(header.apply("X-WC-Webhook-Topic"), "X-WC-Webhook-Topic");
        return Inbound.of(topic, Inbound.hashKey(topic, body), "topic", topic,
                "webhookId", header.apply("X-WC-Webhook-ID"), "deliveryId", header.apply("X-WC-Webhook-Delivery-ID"),
                "source", header.apply("X-WC-Webhook-Source"));
    }

    @Override
    public Outcome handle(Connection c, String topic, JsonNode body) {
        return handler.handle(c, topic, body);
    }

    @Override
    public CheckResult check(Connection c) throws ShopHttp.Unreachable {
        if (!hasApiCredentials(c)) {
            return CheckResult.problem("no WooCommerce consumer key and secret are stored for this connection");
        }
        ShopHttp.Answer a = http.send("GET", c.base() + "/wp-json/wc/v3/orders?per_page=1",
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), c.apiSecret()), "Accept", "application/json"), null);
        return CheckResult.judge(a, "WooCommerce REST API (/wp-json/wc/v3)",
                "the consumer key or secret is wrong, or lacks read access",
                body -> body.isArray() ? CheckResult.fine(c.name()) : null);
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
    public boolean approvesKeysInShop() {
        return true;
    }

    @Override
    public boolean hasApiCredentials(Connection c) {
        return c.apiKey() != null && c.apiSecret() != null;
    }

    @Override
    public Optional<DiscountApi> discounts() {
        return Optional.of(coupons);
    }

    @Override
    public CustomerKey customerKey() {
        return CustomerKey.EMAIL;
    }
}
