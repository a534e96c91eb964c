package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A delivery whose signature verified, as its platform reads it: a ping (nothing stored), or a topic with the key
 * that stores it once and the headers worth keeping.
 */
public record Inbound(boolean ping, String topic, String dedupeKey, Map<String, String> headers) {

    public static Inbound aPing() {
        return new Inbound(true, null, null, Map.of());
    }

    /** @param namesAndValues the headers worth keeping, as name, value, name, value (null values left out) */
    public static Inbound of(String topic, String dedupeKey, String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Inbound(false, topic, dedupeKey, out);
    }

    /** The key of a delivery without an event id: the hash of its topic and body. */
    public static String hashKey(String topic, byte[] body) {
        return "sha256:" + Signatures.sha256Hex((topic + "\n").getBytes(StandardCharsets.UTF_8), body);
    }

    /** Refuses a delivery whose signature is missing or does not match the connection's secret (or the previous one). */
    public static void verifySignature(Connection c, String signature, byte[] body, String headerName) {
        if (signature == null || signature.isBlank()) {
            throw new BadSignature("The " + headerName + " header is missing");
        }
        if (c.webhookSecret() == null || !Signatures.base64Matches(signature, body, c.webhookSecret(), c.previousSecret())) {
            throw new BadSignature("The " + headerName + " signature does not match this connection's secret");
        }
    }

    public static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new LoyaltyException("invalid-payload", Failure.INVALID, "The delivery has no " + name);
        }
        return value;
    }
}
