package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The connection rows, with credentials encrypted on the way in and decrypted on the way out. */
@Component
public class Connections {

    private final JdbcClient jdbc;
    private final Secrets secrets;

    Connections(JdbcClient jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public record NewRow(long circuitId, long companyId, long storeId, Platform platform, String name, String shopUrl,
                  String shopDomain, String apiKey, String apiSecret, String webhookSecret, boolean enrolGuests) {
    }

    /**
     * The new connection's id, or nothing when the shop is already connected (its unique index): nothing fails, so
     * the caller's transaction stays usable without a savepoint.
     */
    public Optional<Long> insert(NewRow r) {
        return jdbc.sql("""
                        insert into shop_connection (circuit_id, company_id, store_id, platform, name, shop_url, shop_domain,
                                                     api_key, api_secret, webhook_secret, api_key_hint, enrol_guests)
                        values (:c, :company, :store, :platform, :name, :url, :domain, :key, :secret, :hook, :hint, :guests)
                        on conflict do nothing returning id""")
                .param("c", r.circuitId()).param("company", r.companyId()).param("store", r.storeId())
                .param("platform", r.platform().name()).param("name", r.name()).param("url", r.shopUrl())
                .param("domain", r.shopDomain()).param("key", secrets.encrypt("api_key", r.apiKey()))
                .param("secret", secrets.encrypt("api_secret", r.apiSecret()))
                .param("hook", secrets.encrypt("webhook_secret", r.webhookSecret()))
                .param("hint", hint(r.apiKey())).param("guests", r.enrolGuests())
                .query(Long.class).optional();
    }

    public void updateCredentials(long id, String apiKey, String apiSecret) {
        if (apiKey != null) {
            jdbc.sql("update shop_connection set api_key = :key, api_key_hint = :hint, updated_at = now() where id = :id")
                    .param("key", secrets.encrypt("api_key", apiKey)).param("hint", hint(apiKey)).param("id", id).update();
        }
        if (apiSecret != null) {
            jdbc.sql("update shop_connection set api_secret = :secret, updated_at = now() where id = :id")
                    .param("secret", secrets.encrypt("api_secret", apiSecret)).param("id", id).update();
        }
    }

    /** The new webhook secret becomes current; the current one stays valid as the previous one during rotation. */
    public void rotateWebhookSecret(long id, String secret) {
        jdbc.sql("update shop_connection set previous_secret = webhook_secret, webhook_secret = :secret, "
                        + "updated_at = now() where id = :id")
                .param("secret", secrets.encrypt("webhook_secret", secret)).param("id", id).update();
    }

    void dropPreviousSecret(long id) {
        jdbc.sql("update shop_connection set previous_secret = null, updated_at = now() where id = :id")
                .param("id", id).update();
    }

    void updateSettings(long id, String name, Boolean enrolGuests, Boolean active) {
        jdbc.sql("update shop_connection set name = coalesce(:name, name), enrol_guests = coalesce(:guests, enrol_guests), "
                        + "active = coalesce(:active, active), updated_at = now() where id = :id")
                .param("name", name).param("guests", enrolGuests).param("active", active).param("id", id).update();
    }

    /** The shop revoked LoyaltyHub's access (Shopify's app/uninstalled): the key is useless, so it goes. */
    public void dropApiKey(long id) {
        jdbc.sql("update shop_connection set api_key = null, api_key_hint = null, updated_at = now() where id = :id")
                .param("id", id).update();
    }

    /**
     * Records the shop's request to be forgotten; the first request's time and author stay, a repeated one changes
     * nothing. The erasure is left to {@link ShopRemovals} once {@code due} has passed.
     */
    void requestRemoval(long id, String requestedBy, java.time.Instant due) {
        jdbc.sql("update shop_connection set removal_requested_at = now(), removal_requested_by = :by, "
                        + "removal_due_at = :due, updated_at = now() where id = :id and removal_due_at is null "
                        + "and erased_at is null")
                .param("by", requestedBy.length() > 500 ? requestedBy.substring(0, 500) : requestedBy)
                .param("due", java.sql.Timestamp.from(due)).param("id", id).update();
    }

    /** The shop installed LoyaltyHub again: a pending removal no longer holds. */
    public void cancelRemoval(long id) {
        jdbc.sql("update shop_connection set removal_requested_at = null, removal_requested_by = null, "
                        + "removal_due_at = null, updated_at = now() where id = :id and erased_at is null")
                .param("id", id).update();
    }

    /** The connections whose removal is due as of {@code asOf} and not yet done, locked, oldest first. */
    List<Long> removalsDue(java.time.Instant asOf, int limit) {
        return jdbc.sql("select id from shop_connection where removal_due_at <= :asOf and erased_at is null "
                        + "order by removal_due_at limit :limit") // the round's advisory lock keeps other nodes out
                .param("asOf", java.sql.Timestamp.from(asOf)).param("limit", limit).query(Long.class).list();
    }

    /** The shop's data is gone: credentials go, the connection stops, and the erasure is recorded. */
    void erase(long id) {
        jdbc.sql("update shop_connection set api_key = null, api_secret = null, previous_secret = null, "
                        + "api_key_hint = null, active = false, erased_at = now(), updated_at = now() where id = :id")
                .param("id", id).update();
    }

    public Optional<Connection> find(long id) {
        return jdbc.sql("select * from shop_connection where id = :id").param("id", id).query(this::row).optional();
    }

    Connection get(long circuitId, long id) {
        return find(id).filter(c -> c.circuitId() == circuitId).orElseThrow(() -> new NotFound("Connection", id));
    }

    /** The active connection of a platform at a shop domain (Shopify: one, a unique index). */
    public Optional<Connection> activeAt(Platform platform, String domain) {
        return jdbc.sql("select * from shop_connection where platform = :p and active and shop_domain = :d")
                .param("p", platform.name()).param("d", domain.toLowerCase(java.util.Locale.ROOT)).query(this::row)
                .optional();
    }

    /** The active connections of a platform at a shop domain, for an app-wide webhook address. */
    public List<Connection> allActiveAt(Platform platform, String domain) {
        return jdbc.sql("select * from shop_connection where platform = :p and active and shop_domain = :d order by id")
                .param("p", platform.name()).param("d", domain.strip().toLowerCase(java.util.Locale.ROOT))
                .query(this::row).list();
    }

    List<Connection> ofCompany(long circuitId, long companyId) {
        return jdbc.sql("select * from shop_connection where circuit_id = :c and company_id = :company order by id")
                .param("c", circuitId).param("company", companyId).query(this::row).list();
    }

    public List<Connection> activeOf(Platform platform) {
        return jdbc.sql("select * from shop_connection where platform = :p and active order by id")
                .param("p", platform.name()).query(this::row).list();
    }

    /** The origins (scheme://host[:port], lower case) of the active connections' shops. */
    java.util.Set<String> activeOrigins() {
        return jdbc.sql("select shop_url from shop_connection where active").query(String.class).list().stream()
                .map(url -> {
                    try {
                        return WidgetService.origin(url);
                    } catch (RuntimeException bad) {
                        return "";
                    }
                }).collect(java.util.stream.Collectors.toSet());
    }

    private Connection row(ResultSet rs, int n) throws SQLException {
        return new Connection(rs.getLong("id"), rs.getLong("circuit_id"), rs.getLong("company_id"),
                rs.getLong("store_id"), Platform.valueOf(rs.getString("platform")), rs.getString("name"),
                rs.getString("shop_url"), rs.getString("shop_domain"),
                secrets.decrypt("api_key", rs.getBytes("api_key")),
                secrets.decrypt("api_secret", rs.getBytes("api_secret")),
                secrets.decrypt("webhook_secret", rs.getBytes("webhook_secret")),
                secrets.decrypt("webhook_secret", rs.getBytes("previous_secret")),
                rs.getString("api_key_hint"), rs.getBoolean("enrol_guests"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), removal(rs));
    }

    private static Connection.Removal removal(ResultSet rs) throws SQLException {
        java.sql.Timestamp due = rs.getTimestamp("removal_due_at");
        return due == null || rs.getTimestamp("erased_at") != null ? null : new Connection.Removal(
                rs.getTimestamp("removal_requested_at").toInstant(), rs.getString("removal_requested_by"), due.toInstant());
    }

    private static String hint(String key) {
        return key == null || key.length() < 8 ? null : key.substring(key.length() - 4);
    }
}
