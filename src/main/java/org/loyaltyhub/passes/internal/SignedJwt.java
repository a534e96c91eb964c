package org.loyaltyhub.passes.internal;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.Map;

/**
 * A compact JWS signed with the JDK (RFC 7515/7519): RS256 for Google Wallet's links and token grants, ES256 for
 * APNs provider tokens.
 */
final class SignedJwt {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private SignedJwt() {
    }

    static String rs256(Map<String, ?> claims, PrivateKey key) {
        return signed(Map.of("alg", "RS256", "typ", "JWT"), claims, "SHA256withRSA", key);
    }

    /** ES256 with the key id in the header; the signature is R‖S (JWS), not the DER the JDK gives by default. */
    static String es256(String keyId, Map<String, ?> claims, ECPrivateKey key) {
        return signed(Map.of("alg", "ES256", "kid", keyId), claims, "SHA256withECDSAinP1363Format", key);
    }

    private static String signed(Map<String, ?> header, Map<String, ?> claims, String algorithm, PrivateKey key) {
        String signingInput = part(header) + "." + part(claims);
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    private static String part(Map<String, ?> json) {
        return URL.encodeToString(JSON.writeValueAsBytes(json));
    }
}
