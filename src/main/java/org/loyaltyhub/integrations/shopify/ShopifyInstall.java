package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.integrations.internal.Authorizations;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.ConnectionService;
import org.loyaltyhub.integrations.internal.Connections;
import org.loyaltyhub.integrations.internal.IntegrationSettings;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopAuthorization;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.Signatures;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Shopify app install, OAuth's authorization-code grant. An administrator names the shop; LoyaltyHub sends the
 * browser to the shop's authorize page with a one-time state; Shopify sends it back to the callback with a code,
 * signed with the app's client secret ({@code hmac}: hex HMAC-SHA256 of the other parameters, sorted, as
 * {@code k=v} joined by {@code &}). The signature, the state (same administrator, same shop, ten minutes, once) and
 * the shop's domain are checked before the code is exchanged for an access token, and the granted scopes before
 * the token is stored; the webhooks are then registered.
 */
@Service
public class ShopifyInstall {

    private static final Logger log = LoggerFactory.getLogger(ShopifyInstall.class);
    static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

    /**
     * How far a signed request's {@code timestamp} may be from now: the clock tolerance of Shopify's own library
     * ({@code @shopify/shopify-api}, {@code HMAC_TIMESTAMP_PERMITTED_CLOCK_TOLERANCE_SEC}); an older signed link is
     * a replay.
     */
    static final java.time.Duration TIMESTAMP_TOLERANCE = java.time.Duration.ofSeconds(90);

    private final IntegrationSettings settings;
    private final Authorizations pending;
    private final Connections connections;
    private final Tenancy tenancy;
    private final ShopHttp http;
    private final ShopAuthorization authorization;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    ShopifyInstall(IntegrationSettings settings, Authorizations pending, Connections connections, Tenancy tenancy,
                   ShopHttp http, ShopAuthorization authorization, TransactionTemplate tx, java.time.Clock clock) {
        this.settings = settings;
        this.pending = pending;
        this.connections = connections;
        this.tenancy = tenancy;
        this.http = http;
        this.authorization = authorization;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean appConfigured() {
        return settings.shopify().configured();
    }

    /** {@code bottega}, {@code bottega.myshopify.com} or {@code https://bottega.myshopify.com/admin} → the domain. */
    public static Optional<String> domain(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String s = typed.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("http://") || s.startsWith("https://")) {
            try {
                s = URI.create(s).getHost();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (s == null) {
                return Optional.empty();
            }
        }
        if (!s.contains(".")) {
            s = s + ".myshopify.com";
        }
        return DOMAIN.matcher(s).matches() && s.length() <= 255 ? Optional.of(s) : Optional.empty();
    }

    /**
     * Starts the install: remembers who asked, for which store and shop, and returns the shop's authorize address.
     *
     * @param callbackUrl LoyaltyHub's callback, as registered among the app's redirect addresses
     */
    public String begin(Caller caller, Long storeId, String shop, String callbackUrl) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        IntegrationSettings.ShopifyApp app = app();
        String domain = domain(shop).orElseThrow(() -> new InvalidInput("shopDomain",
                "must be the shop's myshopify.com domain, e.g. bottega.myshopify.com"));
        Store store = tenancy.storeFor(caller, storeId);
        String state = tx.execute(s -> pending.start(new Authorizations.Pending(Platform.SHOPIFY, caller.circuit(),
                store.companyId(), store.id(), null, caller.operatorId(), domain)));
        return app.origin(domain) + "/admin/oauth/authorize?" + ShopAuthorization.query(Map.of(
                "client_id", app.clientId(), "scope", app.scopes(), "redirect_uri", callbackUrl, "state", state));
    }

    /**
     * Shopify's request to the app's address (install from the Shopify admin or the App Store): checks its signature
     * and returns the shop's domain, for the administrator to choose the store it belongs to.
     */
    public String verifyLaunch(Map<String, String> query) {
        IntegrationSettings.ShopifyApp app = app();
        verifyHmac(query, app.clientSecret());
        verifyTimestamp(query, clock.instant());
        return domain(query.get("shop")).orElseThrow(() -> new ShopAuthorization.Refused(Failure.INVALID, "invalid-shop",
                "The shop parameter is not a myshopify.com domain"));
    }

    /** The callback: check everything, exchange the code, store the token, register the webhooks. */
    public ShopAuthorization.Connected complete(Caller caller, Map<String, String> query, String publicBase) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        IntegrationSettings.ShopifyApp app = app();
        verifyHmac(query, app.clientSecret());
        verifyTimestamp(query, clock.instant());
        String domain = domain(query.get("shop")).filter(d -> d.equals(query.get("shop")))
                .orElseThrow(() -> new ShopAuthorization.Refused(Failure.INVALID, "invalid-shop", "The shop parameter is not a myshopify.com domain"));
        Authorizations.Pending p = tx.execute(s -> pending.take(query.get("state"))).orElse(null);
        if (p == null || p.platform() != Platform.SHOPIFY) {
            throw new ShopAuthorization.Refused(Failure.INVALID, "unknown-state", "This installation link is unknown, used or older than "
                    + Authorizations.VALIDITY.toMinutes() + " minutes: start the installation again");
        }
        if (!java.util.Objects.equals(p.operatorId(), caller.operatorId()) || p.circuitId() != caller.circuit()) {
            throw new ShopAuthorization.Refused(Failure.FORBIDDEN, "other-operator", "The installation was started by another operator");
        }
        if (!p.shopDomain().equals(domain)) {
            throw new ShopAuthorization.Refused(Failure.INVALID, "other-shop", "The installation was started for " + p.shopDomain()
                    + ", not for " + domain);
        }
        String code = query.get("code");
        if (code == null || code.isBlank()) {
            throw new ShopAuthorization.Refused(Failure.INVALID, "no-code", "Shopify sent no authorization code");
        }
        String token = exchange(app, domain, code);
        long id = tx.execute(s -> storeShopify(p, app, domain, token));
        Connection c = connections.find(id).orElseThrow();
        log.info("Shopify app installed in {} for company {} (connection {})", domain, p.companyId(), id);
        return new ShopAuthorization.Connected(ConnectionService.view(c), authorization.registerWebhooks(c, publicBase));
    }

    private String exchange(IntegrationSettings.ShopifyApp app, String domain, String code) {
        String body = Json.MAPPER.createObjectNode().put("client_id", app.clientId())
                .put("client_secret", app.clientSecret()).put("code", code).toString();
        ShopHttp.Answer a;
        try {
            a = http.send("POST", app.origin(domain) + "/admin/oauth/access_token",
                    Map.of("Content-Type", "application/json", "Accept", "application/json"), body);
        } catch (ShopHttp.Unreachable e) {
            throw new ShopAuthorization.Refused(Failure.UPSTREAM, "shop-unreachable", "Shopify could not be reached to finish the install: "
                    + e.getMessage());
        }
        JsonNode json = null;
        try {
            json = Json.MAPPER.readTree(a.body());
        } catch (RuntimeException notJson) {
            // reported below
        }
        if (!a.ok() || json == null || Json.text(json, "access_token") == null) {
            String reason = json == null ? null : Optional.ofNullable(Json.text(json, "error_description"))
                    .orElse(Json.text(json, "error"));
            throw new ShopAuthorization.Refused(Failure.UPSTREAM, "token-refused", "Shopify did not give an access token (HTTP " + a.status() + ")"
                    + (reason != null ? ": " + reason : "") + ". Start the installation again.");
        }
        Set<String> missing = missingScopes(app.scopes(), Json.text(json, "scope"));
        if (!missing.isEmpty()) {
            throw new ShopAuthorization.Refused(Failure.FORBIDDEN, "scopes-missing", "The shop did not grant " + String.join(", ", missing)
                    + ": LoyaltyHub needs them to read orders and create discount codes");
        }
        return Json.text(json, "access_token");
    }

    /** The requested scopes the grant lacks; a write scope includes its read scope. */
    public static Set<String> missingScopes(String requested, String granted) {
        Set<String> have = new HashSet<>();
        for (String g : granted == null ? new String[0] : granted.split(",")) {
            String s = g.strip();
            have.add(s);
            if (s.startsWith("write_")) {
                have.add("read_" + s.substring(6));
            }
        }
        return Arrays.stream(requested.split(",")).map(String::strip).filter(s -> !s.isEmpty() && !have.contains(s))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private long storeShopify(Authorizations.Pending p, IntegrationSettings.ShopifyApp app, String domain, String token) {
        Optional<Connection> existing = connections.activeAt(Platform.SHOPIFY, domain);
        if (existing.isPresent()) {
            Connection c = existing.get();
            if (c.circuitId() != p.circuitId() || c.companyId() != p.companyId()) {
                throw new ShopAuthorization.Refused(Failure.CONFLICT, "shop-already-connected", "The Shopify shop " + domain
                        + " is already connected to another company");
            }
            connections.updateCredentials(c.id(), token, null);
            connections.cancelRemoval(c.id());
            if (!app.clientSecret().equals(c.webhookSecret())) {
                connections.rotateWebhookSecret(c.id(), app.clientSecret());
            }
            return c.id();
        }
        // connected meanwhile by a second install of the same shop: the first one stands
        return connections.insert(new Connections.NewRow(p.circuitId(), p.companyId(), p.storeId(), Platform.SHOPIFY,
                domain, app.origin(domain), domain, token, null, app.clientSecret(), false))
                .orElseThrow(() -> new ShopAuthorization.Refused(Failure.CONFLICT, "shop-already-connected", "The Shopify shop "
                        + domain + " is already connected"));
    }

    /** Checks the signed {@code timestamp} is recent ({@link #TIMESTAMP_TOLERANCE}); a 401 for an old or missing one. */
    public static void verifyTimestamp(Map<String, String> query, java.time.Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(query.getOrDefault("timestamp", "").strip());
        } catch (NumberFormatException e) {
            throw new ShopAuthorization.Refused(Failure.UNAUTHENTICATED, "stale-request", "The request has no valid timestamp: it did not come from Shopify");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TIMESTAMP_TOLERANCE.toSeconds()) {
            throw new ShopAuthorization.Refused(Failure.UNAUTHENTICATED, "stale-request", "The request was signed at another time (more than "
                    + TIMESTAMP_TOLERANCE.toSeconds() + " s from now): open the app from the Shopify admin again");
        }
    }

    /** Checks the {@code hmac} of a request Shopify sent through the browser; a 401 when it does not match. */
    public static void verifyHmac(Map<String, String> query, String clientSecret) {
        String hmac = query.get("hmac");
        if (hmac == null || hmac.isBlank()) {
            throw new ShopAuthorization.Refused(Failure.UNAUTHENTICATED, "bad-signature", "The request has no hmac: it did not come from Shopify");
        }
        if (!Signatures.hexMatches(hmac, message(query), clientSecret)) {
            throw new ShopAuthorization.Refused(Failure.UNAUTHENTICATED, "bad-signature", "The request's hmac does not match the app's client secret");
        }
    }

    /** The signed text: every parameter but {@code hmac} (and {@code signature}), sorted, {@code k=v} joined by &. */
    public static String message(Map<String, String> query) {
        Map<String, String> sorted = new TreeMap<>(query);
        sorted.remove("hmac");
        sorted.remove("signature");
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** The configured Shopify app; refused when this LoyaltyHub has none. */
    private IntegrationSettings.ShopifyApp app() {
        IntegrationSettings.ShopifyApp app = settings.shopify();
        if (!app.configured()) {
            throw new ShopAuthorization.Refused(Failure.CONFLICT, "shopify-app-not-configured", "This LoyaltyHub has no Shopify app: set "
                    + "loyaltyhub.integrations.shopify.client-id and client-secret (see docs/shops/shopify.md), "
                    + "or connect the shop with a custom app's access token");
        }
        return app;
    }
}
