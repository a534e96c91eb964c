package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The signed customer tokens the WordPress plugin and the PrestaShop module print into the widget:
 * {@code b64url(payload) + "." + b64url(HMAC-SHA256(first segment as ASCII, connection secret))}. The MAC is checked
 * on the segment as received before the payload is trusted; a token must be unexpired and at most 15 minutes ahead.
 */
final class CustomerTokens {

    static final Duration MAX_AHEAD = Duration.ofMinutes(15);

    private CustomerTokens() {
    }

    /** Who the shop says is signed in. */
    record Claims(Connection connection, String userId, String email, Instant expires) {
    }

    static Claims verify(String token, LongFunction<Optional<Connection>> connections, Instant now) {
        if (token == null || token.length() > 4096) {
            throw invalid("no customer token");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid("the customer token is malformed");
        }
        String first = token.substring(0, dot);
        JsonNode payload;
        byte[] mac;
        try {
            payload = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(first));
            mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (RuntimeException e) {
            throw invalid("the customer token is malformed");
        }
        if (!payload.isObject() || payload.path("v").asInt() != 1 || !payload.path("connection").canConvertToLong()) {
            throw invalid("the customer token is not a version 1 token");
        }
        Connection c = connections.apply(payload.path("connection").asLong())
                .filter(Connection::active).orElseThrow(() -> invalid("the customer token names no active connection"));
        byte[] signed = first.getBytes(StandardCharsets.US_ASCII);
        boolean good = false;
        for (String secret : new String[] {c.webhookSecret(), c.previousSecret()}) {
            if (secret != null) {
                good |= MessageDigest.isEqual(mac, Signatures.hmac(secret, signed));
            }
        }
        if (!good) {
            throw invalid("the customer token's signature is wrong");
        }
        if (!c.platform().slug().equals(Json.text(payload, "platform"))) {
            throw invalid("the customer token is for another platform");
        }
        long exp = payload.path("exp").asLong(0);
        if (exp <= now.getEpochSecond()) {
            throw invalid("the customer token has expired").with("expired", true);
        }
        if (exp > now.plus(MAX_AHEAD).getEpochSecond()) {
            throw invalid("the customer token lives too long");
        }
        String userId = Json.text(payload, "user_id");
        return new Claims(c, userId == null || userId.isBlank() || userId.equals("0") ? null : userId,
                Json.text(payload, "email"), Instant.ofEpochSecond(exp));
    }

    private static LoyaltyException invalid(String why) {
        return new LoyaltyException("invalid-customer-token", Failure.UNAUTHENTICATED, why);
    }
}
