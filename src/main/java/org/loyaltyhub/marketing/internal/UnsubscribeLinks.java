package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.shared.web.PublicUrl;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The one-click unsubscribe link of a member's marketing e-mails: {@code /unsubscribe/<circuit>/<member>/<signature>},
 * signed (HMAC-SHA256) with the circuit's own key, so nobody can withdraw another member's consent by guessing ids.
 */
@Component
public class UnsubscribeLinks {

    private final NotificationSettings settings;
    private final PublicUrl urls;

    UnsubscribeLinks(NotificationSettings settings, PublicUrl urls) {
        this.settings = settings;
        this.urls = urls;
    }

    public String url(long circuitId, long memberId) {
        return urls.anywhere(path(circuitId, memberId));
    }

    public String path(long circuitId, long memberId) {
        return "/unsubscribe/" + circuitId + "/" + memberId + "/" + signature(circuitId, memberId);
    }

    /** Whether the signature is the one of this member's link, compared in constant time. */
    public boolean valid(long circuitId, long memberId, String signature) {
        return signature != null && MessageDigest.isEqual(signature(circuitId, memberId).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(long circuitId, long memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.style(circuitId).signingKey().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("unsubscribe:" + circuitId + ":" + memberId)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
