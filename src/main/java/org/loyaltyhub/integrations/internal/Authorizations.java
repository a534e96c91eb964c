package org.loyaltyhub.integrations.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The one-time states of shop authorisations under way (Shopify's OAuth install, WooCommerce's key exchange). The
 * state itself travels through the shop and back; only its SHA-256 is stored, and taking it deletes it.
 */
@Component
public class Authorizations {

    public static final Duration VALIDITY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    Authorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An authorisation waiting for the shop to come back. */
    public record Pending(Platform platform, long circuitId, long companyId, long storeId, Long connectionId, long operatorId,
                   String shopDomain) {
    }

    /** Stores a new pending authorisation and returns its state, to send to the shop. */
    public String start(Pending p) {
        jdbc.sql("delete from shop_authorization where expires_at < now()").update();
        String state = Secrets.randomToken(32);
        jdbc.sql("""
                        insert into shop_authorization (state_hash, platform, circuit_id, company_id, store_id, connection_id,
                                                        operator_id, shop_domain, expires_at)
                        values (:hash, :platform, :circuit, :company, :store, :connection, :operator, :domain,
                                now() + make_interval(secs => :seconds))""")
                .param("hash", hash(state)).param("platform", p.platform().name()).param("circuit", p.circuitId())
                .param("company", p.companyId()).param("store", p.storeId()).param("connection", p.connectionId())
                .param("operator", p.operatorId()).param("domain", p.shopDomain())
                .param("seconds", VALIDITY.toSeconds()).update();
        return state;
    }

    /** The pending authorisation with this state, removed so it cannot be used twice; empty if unknown or expired. */
    public Optional<Pending> take(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("delete from shop_authorization where state_hash = :hash returning *, expires_at > now() as live")
                .param("hash", hash(state))
                .query((rs, n) -> java.util.Map.entry(rs.getBoolean("live"), new Pending(
                        Platform.valueOf(rs.getString("platform")), rs.getLong("circuit_id"), rs.getLong("company_id"),
                        rs.getLong("store_id"), rs.getObject("connection_id", Long.class), rs.getLong("operator_id"),
                        rs.getString("shop_domain"))))
                .optional().filter(java.util.Map.Entry::getKey).map(java.util.Map.Entry::getValue);
    }

    private static String hash(String state) {
        return Signatures.sha256Hex(state.getBytes(StandardCharsets.UTF_8));
    }
}
