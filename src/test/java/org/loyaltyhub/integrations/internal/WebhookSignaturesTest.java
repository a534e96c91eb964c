package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wooCommercesOfficialVectorWithAnEmptySecretVerifies() {
        assertThat(Signatures.base64Hmac("", bytes("secret"))).isEqualTo("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");
        assertThat(Signatures.base64Matches("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=", bytes("secret"), "")).isTrue();
    }

    @Test
    void shopifysOfficialVectorVerifies() {
        assertThat(Signatures.base64Hmac("secret", bytes("foo=anything")))
                .isEqualTo("yCGX/RrK4fcuNtr3ztk5tQGsOBjcAzHpGLdMUrbV8yI=");
        assertThat(Signatures.base64Matches("yCGX/RrK4fcuNtr3ztk5tQGsOBjcAzHpGLdMUrbV8yI=", bytes("foo=anything"),
                "secret")).isTrue();
    }

    @Test
    void aSignatureOfAnotherBodyOrSecretIsRefused() {
        String good = Signatures.base64Hmac("secret", bytes("foo=anything"));
        assertThat(Signatures.base64Matches(good, bytes("foo=anything else"), "secret")).isFalse();
        assertThat(Signatures.base64Matches(good, bytes("foo=anything"), "another secret")).isFalse();
        assertThat(Signatures.base64Matches(good, bytes("foo=anything"), "")).isFalse();
    }

    @Test
    void aMissingBlankOrMalformedSignatureIsRefused() {
        assertThat(Signatures.base64Matches(null, bytes("x"), "secret")).isFalse();
        assertThat(Signatures.base64Matches("  ", bytes("x"), "secret")).isFalse();
        assertThat(Signatures.base64Matches("not base64 at all!", bytes("x"), "secret")).isFalse();
        assertThat(Signatures.base64Matches(Signatures.base64Hmac("secret", bytes("x")), bytes("x"), (String) null))
                .as("no secret stored").isFalse();
    }

    @Test
    void thePreviousSecretIsAcceptedDuringARotation() {
        String signedWithOld = Signatures.base64Hmac("old secret", bytes("{}"));
        assertThat(Signatures.base64Matches(signedWithOld, bytes("{}"), "new secret", "old secret")).isTrue();
        assertThat(Signatures.base64Matches(signedWithOld, bytes("{}"), "new secret", null)).isFalse();
    }

    @Test
    void hexSignaturesOfQueryStringsVerifyInAnyLetterCase() {
        String hex = Signatures.hexHmac("hush", "shop=a.myshopify.comtimestamp=1");
        assertThat(Signatures.hexMatches(hex.toUpperCase(), "shop=a.myshopify.comtimestamp=1", "hush")).isTrue();
        assertThat(Signatures.hexMatches(hex, "shop=b.myshopify.comtimestamp=1", "hush")).isFalse();
        assertThat(Signatures.hexMatches("zz", "x", "hush")).isFalse();
    }
}
