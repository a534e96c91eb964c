package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Connecting a company's shops: only the company's administrators (or the circuit's) see and change its
 * connections. Credentials go in encrypted and never come back out; a generated webhook secret is shown once.
 */
@Service
@Transactional
public class ConnectionService {

    private final Connections connections;
    private final Tenancy tenancy;
    private final ShopPlatforms platforms;

    ConnectionService(Connections connections, Tenancy tenancy, ShopPlatforms platforms) {
        this.connections = connections;
        this.tenancy = tenancy;
        this.platforms = platforms;
    }

    public record NewConnection(
            @NotNull Platform platform,
            @Size(max = 120) String name,
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
                    message = "must be the shop's http(s) address, e.g. https://shop.example") String shopUrl,
            @Size(max = 255) @Pattern(regexp = "[a-z0-9][a-z0-9.-]*", message = "must be a lower-case host name")
            String shopDomain,
            Long storeId,
            @Size(max = 500) String apiKey,
            @Size(max = 500) String apiSecret,
            @Size(min = 0, max = 500) String webhookSecret,
            boolean enrolGuests) {
    }

    public record Change(@Size(max = 120) String name, @Size(max = 500) String apiKey, @Size(max = 500) String apiSecret,
                         @Size(min = 1, max = 500) String webhookSecret, Boolean dropPreviousSecret,
                         Boolean enrolGuests, Boolean active) {
    }

    /** Whether a credential is stored, and the last characters of the API key so people can tell keys apart. */
    public record Credential(boolean set, String last4) {
    }

    public record View(long id, long companyId, long storeId, Platform platform, String name, String shopUrl,
                       String shopDomain, Credential apiKey, Credential apiSecret, Credential webhookSecret,
                       Credential previousSecret, boolean enrolGuests, boolean active, String webhookUrl,
                       Instant createdAt, String generatedWebhookSecret, Connection.Removal removal) {
    }

    public View create(Caller caller, long companyId, NewConnection c) {
        requireAdmin(caller, companyId);
        Store store = c.storeId() != null ? tenancy.store(caller.circuit(), c.storeId())
                : tenancy.storesOf(caller.circuit(), companyId).stream().findFirst()
                .orElseThrow(() -> new InvalidInput("storeId", "the company has no store"));
        if (store.companyId() != companyId) {
            throw new InvalidInput("storeId", "must be a store of the company");
        }
        String domain = c.shopDomain() != null ? c.shopDomain() : URI.create(c.shopUrl()).getHost().toLowerCase(Locale.ROOT);
        if (c.webhookSecret() != null && c.webhookSecret().isBlank()) {
            throw new InvalidInput("webhookSecret", "must not be empty: anyone could sign webhooks with an empty secret; "
                    + "leave it out to have one generated");
        }
        Optional<String> setByShop = platforms.of(c.platform()).secretSetByShop();
        if (setByShop.isPresent() && c.webhookSecret() == null) {
            throw new InvalidInput("webhookSecret", "is " + setByShop.get());
        }
        String generated = c.webhookSecret() == null && setByShop.isEmpty() ? Secrets.randomToken(32) : null;
        long id = connections.insert(new Connections.NewRow(caller.circuit(), companyId, store.id(), c.platform(),
                        c.name() == null || c.name().isBlank() ? domain : c.name().strip(), c.shopUrl(), domain,
                        blankToNull(c.apiKey()), blankToNull(c.apiSecret()),
                        generated != null ? generated : c.webhookSecret(), c.enrolGuests()))
                .orElseThrow(() -> alreadyConnected(domain));
        View view = view(connections.get(caller.circuit(), id));
        return generated == null ? view : withSecret(view, generated);
    }

    @Transactional(readOnly = true)
    public List<View> list(Caller caller, long companyId) {
        requireAdmin(caller, companyId);
        return connections.ofCompany(caller.circuit(), companyId).stream().map(ConnectionService::view).toList();
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, long companyId, long id) {
        return view(owned(caller, companyId, id));
    }

    public View change(Caller caller, long companyId, long id, Change c) {
        Connection conn = owned(caller, companyId, id);
        connections.updateCredentials(conn.id(), blankToNull(c.apiKey()), blankToNull(c.apiSecret()));
        if (c.webhookSecret() != null && c.webhookSecret().isBlank()) {
            throw new InvalidInput("webhookSecret", "must not be empty: anyone could sign webhooks with an empty secret");
        }
        if (c.webhookSecret() != null) {
            connections.rotateWebhookSecret(conn.id(), c.webhookSecret());
        }
        if (Boolean.TRUE.equals(c.dropPreviousSecret())) {
            connections.dropPreviousSecret(conn.id());
        }
        connections.updateSettings(conn.id(), blankToNull(c.name()), c.enrolGuests(), c.active());
        return view(connections.get(caller.circuit(), id));
    }

    /** The connection, if the caller administers its company; a 404 otherwise (even for another tenant's id). */
    @Transactional(readOnly = true)
    public Connection owned(Caller caller, long companyId, long id) {
        requireAdmin(caller, companyId);
        Connection c = connections.get(caller.circuit(), id);
        if (c.companyId() != companyId) {
            throw new org.loyaltyhub.shared.NotFound("Connection", id);
        }
        return c;
    }

    /** The connection by id alone, if the caller administers its company. */
    @Transactional(readOnly = true)
    public Connection owned(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Connection c = connections.get(caller.circuit(), id);
        if (!caller.coversCompany(c.companyId())) {
            throw new org.loyaltyhub.shared.NotFound("Connection", id);
        }
        return c;
    }

    /**
     * The connection for a checkout the shop's own server runs: its company's administrators, or an API key of its
     * company (the shop's server); a 404 for anybody else's.
     */
    @Transactional(readOnly = true)
    public Connection forCheckout(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.API_KEY);
        Connection c = connections.get(caller.circuit(), id);
        if (!caller.coversCompany(c.companyId())) {
            throw new org.loyaltyhub.shared.NotFound("Connection", id);
        }
        return c;
    }

    private void requireAdmin(Caller caller, long companyId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        tenancy.company(caller, companyId);
    }

    public static View view(Connection c) {
        return new View(c.id(), c.companyId(), c.storeId(), c.platform(), c.name(), c.shopUrl(), c.shopDomain(),
                new Credential(c.apiKey() != null, c.apiKeyHint()), new Credential(c.apiSecret() != null, null),
                new Credential(c.webhookSecret() != null, null), new Credential(c.previousSecret() != null, null),
                c.enrolGuests(), c.active(), "/api/v1/hooks/" + c.platform().slug() + "/" + c.id(), c.createdAt(), null,
                c.removal());
    }

    private static View withSecret(View v, String secret) {
        return new View(v.id(), v.companyId(), v.storeId(), v.platform(), v.name(), v.shopUrl(), v.shopDomain(),
                v.apiKey(), v.apiSecret(), v.webhookSecret(), v.previousSecret(), v.enrolGuests(), v.active(),
                v.webhookUrl(), v.createdAt(), secret, v.removal());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LoyaltyException alreadyConnected(String domain) {
        return new LoyaltyException("shop-already-connected", Failure.CONFLICT, "The Shopify shop " + domain
                + " is already connected").with("field", "shopDomain");
    }
}
