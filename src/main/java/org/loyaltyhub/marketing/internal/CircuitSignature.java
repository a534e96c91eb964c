package org.loyaltyhub.marketing.internal;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs what the links in a circuit's e-mails name (HMAC-SHA256 with the circuit's own key), so that nobody can
 * forge a link for another member, campaign or address by changing ids.
 */
@Component
class CircuitSignature {

    private final NotificationSettings settings;

    CircuitSignature(NotificationSettings settings) {
        this.settings = settings;
    }

    String sign(long circuitId, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.style(circuitId).signingKey().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature is the message's, compared in constant time. */
    boolean valid(long circuitId, String message, String signature) {
        return signature != null && MessageDigest.isEqual(sign(circuitId, message).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
