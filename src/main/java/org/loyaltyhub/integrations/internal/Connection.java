package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;

import java.time.Instant;

/** A shop connected to a company, with its credentials decrypted (never leaves the server). */
public record Connection(long id, long circuitId, long companyId, long storeId, Platform platform, String name,
                         String shopUrl, String shopDomain, String apiKey, String apiSecret, String webhookSecret,
                         String previousSecret, String apiKeyHint, boolean enrolGuests, boolean active,
                         Instant createdAt, Removal removal) {

    /**
     * The shop asked to be forgotten: who or what asked, when, and from when the erasure job may act on it; null
     * when no removal is pending.
     */
    public record Removal(Instant requestedAt, String requestedBy, Instant dueAt) {
    }

    /** The purchase channel of this connection's orders, e.g. {@code shopify:12}. */
    public String channel() {
        return platform.slug() + ":" + id;
    }

    /** The connection acting on its own, as the company's online store (what its webhooks do). */
    public Caller caller() {
        return new Caller(Role.API_KEY, circuitId, companyId, storeId, null, null, "shop-connection:" + id);
    }

    /** The shop's base URL without a trailing slash. */
    public String base() {
        return shopUrl.endsWith("/") ? shopUrl.substring(0, shopUrl.length() - 1) : shopUrl;
    }
}
