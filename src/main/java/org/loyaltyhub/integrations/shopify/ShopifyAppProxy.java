package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Connections;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.Signatures;
import org.loyaltyhub.integrations.internal.WidgetService;
import org.loyaltyhub.shared.LoyaltyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Shopify's app proxy, the widget's customer token for Shopify: the shop forwards the storefront's request with its
 * logged-in customer, signed ({@code signature}: the hex HMAC of the other parameters sorted as k=v, unseparated)
 * with the app's client secret (the connection's webhook secret, or the previous one during a rotation). Every widget
 * call has its proxy twin under {@code /api/v1/hooks/shopify/proxy/}: the shop's theme points the widget at the proxy
 * ({@code data-loyaltyhub-proxy="/apps/loyaltyhub"}) and Shopify signs each request, a guest's too (no customer).
 */
@Component
public class ShopifyAppProxy {

    private static final Duration FRESHNESS = Duration.ofMinutes(15);

    private final Connections connections;
    private final WidgetService widget;
    private final Clock clock;

    ShopifyAppProxy(Connections connections, WidgetService widget, Clock clock) {
        this.connections = connections;
        this.widget = widget;
        this.clock = clock;
    }

    /** The customer the signed query names, with the member they are. */
    @Transactional
    public WidgetService.Customer customer(Map<String, String[]> params) {
        Connection c = shop(params);
        String customerId = first(params, "logged_in_customer_id");
        if (customerId == null || customerId.isBlank()) {
            throw new LoyaltyException("not-signed-in", Failure.UNAUTHENTICATED, "The customer is not logged in to the shop");
        }
        return widget.customer(c, customerId, null);
    }

    /** The shop the signed query comes from, whoever browses it (a guest too). */
    @Transactional(readOnly = true)
    public Connection shop(Map<String, String[]> params) {
        String shop = first(params, "shop");
        String signature = first(params, "signature");
        String message = new TreeMap<>(params).entrySet().stream().filter(e -> !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue())).collect(Collectors.joining());
        String[] secrets = shop == null ? new String[0] : connections.activeAt(Platform.SHOPIFY, shop)
                .map(c -> new String[] {c.webhookSecret(), c.previousSecret()}).orElse(new String[0]);
        if (shop == null || !Signatures.hexMatches(signature, message, secrets)) {
            throw new LoyaltyException("invalid-signature", Failure.UNAUTHENTICATED, "The app proxy signature does not verify");
        }
        long timestamp = parse(first(params, "timestamp"));
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > FRESHNESS.toSeconds()) {
            throw new LoyaltyException("invalid-signature", Failure.UNAUTHENTICATED, "The app proxy request is too old");
        }
        return connections.activeAt(Platform.SHOPIFY, shop)
                .orElseThrow(() -> new LoyaltyException("invalid-signature", Failure.UNAUTHENTICATED, "unknown shop"));
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (RuntimeException e) {
            throw new LoyaltyException("invalid-signature", Failure.UNAUTHENTICATED, "The app proxy request has no valid timestamp");
        }
    }
}
