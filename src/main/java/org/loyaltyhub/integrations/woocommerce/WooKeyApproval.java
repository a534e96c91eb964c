package org.loyaltyhub.integrations.woocommerce;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.integrations.internal.Authorizations;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.ConnectionService;
import org.loyaltyhub.integrations.internal.Connections;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopAuthorization;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WooCommerce's {@code wc-auth} key exchange: the shop's administrator approves LoyaltyHub in WordPress, and
 * WooCommerce posts the new consumer key and secret to the callback with the state LoyaltyHub gave as
 * {@code user_id}.
 */
@Service
public class WooKeyApproval {

    private static final Logger log = LoggerFactory.getLogger(WooKeyApproval.class);

    private final Authorizations pending;
    private final Connections connections;
    private final ConnectionService service;
    private final TransactionTemplate tx;

    WooKeyApproval(Authorizations pending, Connections connections, ConnectionService service, TransactionTemplate tx) {
        this.pending = pending;
        this.connections = connections;
        this.service = service;
        this.tx = tx;
    }

    /**
     * Starts WooCommerce's key exchange for a connection: returns the shop's {@code /wc-auth/v1/authorize} address.
     *
     * @param returnUrl   where WooCommerce sends the administrator back (with {@code success=1} or {@code 0})
     * @param callbackUrl where WooCommerce posts the keys: {@code /api/v1/hooks/woocommerce/{id}/keys}
     */
    public String begin(Caller caller, long connectionId, String returnUrl, String callbackUrl) {
        Connection c = service.owned(caller, connectionId);
        if (c.platform() != Platform.WOOCOMMERCE) {
            throw new InvalidInput("platform", "only a WooCommerce shop hands out keys this way");
        }
        String state = tx.execute(s -> pending.start(new Authorizations.Pending(Platform.WOOCOMMERCE, c.circuitId(),
                c.companyId(), c.storeId(), c.id(), caller.operatorId(), c.shopDomain())));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_name", "LoyaltyHub");
        params.put("scope", "read_write");
        params.put("user_id", state);
        params.put("return_url", returnUrl);
        params.put("callback_url", callbackUrl);
        return c.base() + "/wc-auth/v1/authorize?" + ShopAuthorization.query(params);
    }

    /**
     * WooCommerce's post of the keys: {@code {key_id, user_id, consumer_key, consumer_secret, key_permissions}}. The
     * {@code user_id} must be a live state given for this connection; the keys must allow reading and writing.
     */
    public void receiveKeys(long connectionId, byte[] body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException e) {
            throw new ShopAuthorization.Refused(Failure.INVALID, "invalid-payload", "The body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new ShopAuthorization.Refused(Failure.INVALID, "invalid-payload", "The body is not a JSON object");
        }
        String key = Json.text(json, "consumer_key");
        String secret = Json.text(json, "consumer_secret");
        String permissions = Json.text(json, "key_permissions");
        tx.executeWithoutResult(s -> {
            Authorizations.Pending p = pending.take(Json.text(json, "user_id")).orElse(null);
            if (p == null || p.platform() != Platform.WOOCOMMERCE || p.connectionId() == null
                    || p.connectionId() != connectionId) {
                throw new ShopAuthorization.Refused(Failure.UNAUTHENTICATED, "unknown-state", "These keys answer no authorisation LoyaltyHub started "
                        + "for this connection in the last " + Authorizations.VALIDITY.toMinutes() + " minutes");
            }
            if (key == null || secret == null || !key.startsWith("ck_") || !secret.startsWith("cs_")
                    || key.length() > 500 || secret.length() > 500) {
                throw new ShopAuthorization.Refused(Failure.INVALID, "invalid-keys", "consumer_key (ck_...) and consumer_secret (cs_...) are required");
            }
            if (!"read_write".equals(permissions)) {
                throw new ShopAuthorization.Refused(Failure.INVALID, "read-write-needed", "The keys allow '" + permissions
                        + "'; LoyaltyHub needs read_write to create discount coupons and webhooks");
            }
            connections.updateCredentials(connectionId, key, secret);
        });
        log.info("WooCommerce keys received for connection {}", connectionId);
    }
}
