package org.loyaltyhub.integrations.internal;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 signatures the shops send and expect, compared in constant time. An empty secret is a valid HMAC
 * key (WooCommerce signs with one until a secret is set), which {@code SecretKeySpec} refuses: it gets its own key.
 */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new RawKey(secret.getBytes(StandardCharsets.UTF_8)));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64Hmac(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(hmac(secret, data));
    }

    public static String hexHmac(String secret, String data) {
        return HexFormat.of().formatHex(hmac(secret, data.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when {@code given} is the base64 HMAC of the body under one of the secrets (null secrets skipped). */
    public static boolean base64Matches(String given, byte[] body, String... secrets) {
        if (given == null || given.isBlank()) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(given.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            if (secret != null) {
                matched |= MessageDigest.isEqual(presented, hmac(secret, body));
            }
        }
        return matched;
    }

    /** True when {@code given} is the hex HMAC of the text under one of the secrets. */
    public static boolean hexMatches(String given, String text, String... secrets) {
        if (given == null || given.isBlank()) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(given.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            if (secret != null) {
                matched |= MessageDigest.isEqual(presented, hmac(secret, text.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return matched;
    }

    public static String sha256Hex(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw HMAC key that may be empty (HMAC pads any key, the empty one included, to the block size). */
    private record RawKey(byte[] bytes) implements SecretKey {

        @Override
        public String getAlgorithm() {
            return "HmacSHA256";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return bytes.clone();
        }
    }
}
