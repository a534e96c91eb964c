package org.loyaltyhub.passes.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.passes.PassCredentialRefused;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An APNs authentication key is a P-256 private key in PKCS#8 (the .p8 file) with Apple's 10-character key id and
 * team id; its provider tokens are reused for 40 minutes: never replaced within 20, never older than 60.
 */
class ApnsKeyTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aP8FileWithItsKeyIdAndTeamIsAKey() {
        ApnsKey key = ApnsKey.read(pem(p256()), " ABC123DEFG ", "TEAM123456");
        assertThat(key.keyId()).isEqualTo("ABC123DEFG");
        assertThat(key.teamId()).isEqualTo("TEAM123456");
        assertThat(key.toString()).doesNotContain("BEGIN");
        assertThat(ApnsKey.read(key.key().getEncoded(), "ABC123DEFG", "TEAM123456").key()).isEqualTo(key.key());
    }

    @Test
    void aFileThatIsNotAP256Pkcs8KeyIsRefusedWithTheReason() throws Exception {
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        for (byte[] file : new byte[][] {null, new byte[0], "not a key".getBytes(StandardCharsets.UTF_8),
                pem(p384.generateKeyPair()), pem(rsa.generateKeyPair()), TestWalletKeys.passPkcs12(),
                "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> ApnsKey.read(file, "ABC123DEFG", "TEAM123456"))
                    .isInstanceOfSatisfying(PassCredentialRefused.class, e -> {
                        assertThat(e.field()).isEqualTo("pushKey");
                        assertThat(e.reason()).isEqualTo(PassCredentialRefused.Reason.NOT_P8);
                        assertThat(e.fieldErrors().get("pushKey")).contains("P-256").contains("PKCS#8");
                    });
        }
    }

    @Test
    void aKeyIdOrTeamIdThatIsNotTenLettersAndDigitsIsRefused() {
        byte[] p8 = pem(p256());
        assertThatThrownBy(() -> ApnsKey.read(p8, "abc", "TEAM123456"))
                .isInstanceOfSatisfying(PassCredentialRefused.class, e -> assertThat(e.field()).isEqualTo("keyId"));
        assertThatThrownBy(() -> ApnsKey.read(p8, "ABC123DEFG", null))
                .isInstanceOfSatisfying(PassCredentialRefused.class, e -> assertThat(e.field()).isEqualTo("teamId"));
    }

    @Test
    void aTokenIsReusedForFortyMinutesThenReplaced() {
        assertThat(ApnsKey.needsNewToken(null, NOW)).as("none yet").isTrue();
        assertThat(ApnsKey.needsNewToken(NOW, NOW)).isFalse();
        assertThat(ApnsKey.needsNewToken(NOW.minus(Duration.ofMinutes(20)), NOW)).as("at most every 20 min").isFalse();
        assertThat(ApnsKey.needsNewToken(NOW.minus(Duration.ofMinutes(39)), NOW)).isFalse();
        assertThat(ApnsKey.needsNewToken(NOW.minus(Duration.ofMinutes(40)), NOW)).isTrue();
        assertThat(ApnsKey.needsNewToken(NOW.minus(Duration.ofMinutes(60)), NOW)).as("at least every 60 min").isTrue();
        assertThat(ApnsKey.TOKEN_LIFE).isGreaterThanOrEqualTo(Duration.ofMinutes(20)).isLessThan(Duration.ofMinutes(60));
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as Apple's .p8 file holds it: PKCS#8 in PEM. */
    static byte[] pem(KeyPair keys) {
        return ("-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
