package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Connecting a shop by authorising LoyaltyHub in the shop rather than pasting keys: what the platforms' ways
 * ({@code ShopifyInstall}: the app install; {@code WooKeyApproval}: the {@code wc-auth} key exchange) have in common,
 * their refusals and their result, and the connection's webhooks registered in the shop afterwards
 * ({@link HookRegistration}).
 */
@Service
public class ShopAuthorization {

    private final ConnectionService service;
    private final HookRegistration hooks;

    ShopAuthorization(ConnectionService service, HookRegistration hooks) {
        this.service = service;
        this.hooks = hooks;
    }

    /** A refused authorisation: a clear reason, a 4xx status, nothing stored. */
    public static final class Refused extends LoyaltyException {
        public Refused(Failure failure, String type, String detail) {
            super(type, failure, detail);
        }
    }

    /** The end of a successful authorisation: the connection, and what happened to its webhooks. */
    public record Connected(ConnectionService.View connection, WebhookReport webhooks) {
    }

    /** Registers the connection's webhooks in its shop, for an administrator of its company. */
    public WebhookReport registerWebhooks(Caller caller, long connectionId, String publicBase) {
        return hooks.register(service.owned(caller, connectionId), publicBase);
    }

    /** Registers the webhooks of a connection just authorised. */
    public WebhookReport registerWebhooks(Connection c, String publicBase) {
        return hooks.register(c, publicBase);
    }

    /** URL query parameters, encoded. */
    public static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
