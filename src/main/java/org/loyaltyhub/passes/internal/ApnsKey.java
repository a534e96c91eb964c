package org.loyaltyhub.passes.internal;

import org.loyaltyhub.passes.PassCredentialRefused;
import org.loyaltyhub.passes.PassCredentialRefused.Reason;

import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An APNs authentication key (the {@code .p8} file of the Apple Developer account: a P-256 private key in PKCS#8)
 * with its key id and the team's id: what signs the provider tokens of token-based pushes. Refused when the file is
 * not such a key, or the ids are not Apple's 10 characters.
 */
record ApnsKey(ECPrivateKey key, String keyId, String teamId) {

    /** A provider token is used this long, then replaced: Apple wants it newer than 60 minutes, changed at most every 20. */
    static final Duration TOKEN_LIFE = Duration.ofMinutes(40);

    private static final Pattern APPLE_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final ECParameterSpec P256 = p256();

    static ApnsKey read(byte[] p8, String keyId, String teamId) {
        ECPrivateKey key = p256Key(p8);
        String kid = keyId == null ? "" : keyId.strip();
        if (!APPLE_ID.matcher(kid).matches()) {
            throw new PassCredentialRefused("keyId", Reason.KEY_ID);
        }
        String team = teamId == null ? "" : teamId.strip();
        if (!APPLE_ID.matcher(team).matches()) {
            throw new PassCredentialRefused("teamId", Reason.TEAM_ID);
        }
        return new ApnsKey(key, kid, team);
    }

    /** Whether a token issued then must be replaced now (none yet, or used for {@link #TOKEN_LIFE}). */
    static boolean needsNewToken(Instant issuedAt, Instant now) {
        return issuedAt == null || !now.isBefore(issuedAt.plus(TOKEN_LIFE));
    }

    /** A provider token issued now: ES256, the key id in the header, the team as issuer. */
    String token(Instant now) {
        return SignedJwt.es256(keyId, Map.of("iss", teamId, "iat", now.getEpochSecond()), key);
    }

    private static ECPrivateKey p256Key(byte[] file) {
        try {
            String text = new String(file == null ? new byte[0] : file, StandardCharsets.US_ASCII);
            byte[] der = text.contains("-----BEGIN PRIVATE KEY-----")
                    ? Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""))
                    : file;
            if (der == null || der.length == 0
                    || !(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof ECPrivateKey key) || !isP256(key.getParams())) {
                throw new PassCredentialRefused("pushKey", Reason.NOT_P8);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PassCredentialRefused("pushKey", Reason.NOT_P8);
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P256.getCurve()) && params.getOrder().equals(P256.getOrder())
                && params.getGenerator().equals(P256.getGenerator());
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApnsKey[" + keyId + ", team " + teamId + "]"; // never the key
    }
}
