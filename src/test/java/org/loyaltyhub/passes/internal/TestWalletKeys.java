package org.loyaltyhub.passes.internal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Self-signed stand-ins for what a circuit uploads: a Pass Type ID certificate with its key as PKCS#12, Apple's WWDR
 * intermediate, and a Google service account's JSON key file.
 */
final class TestWalletKeys {

    static final String PASS_TYPE = "pass.org.loyaltyhub.test";
    static final String TEAM = "TEAM123456";
    static final String PASSWORD = "p12-secret";
    static final KeyPair PASS_KEYS = rsa();
    static final KeyPair GOOGLE_KEYS = rsa();
    static final X509Certificate PASS_CERTIFICATE = certificate(PASS_KEYS,
            "UID=" + PASS_TYPE + ", CN=Pass Type ID: " + PASS_TYPE + ", OU=" + TEAM + ", O=Test, C=IT",
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));

    private TestWalletKeys() {
    }

    static byte[] passPkcs12() {
        return pkcs12(PASS_KEYS, PASS_CERTIFICATE, PASSWORD);
    }

    static byte[] expiredPkcs12() {
        return pkcs12(PASS_KEYS, certificate(PASS_KEYS, "UID=" + PASS_TYPE + ", OU=" + TEAM + ", CN=Old",
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35))), PASSWORD);
    }

    static byte[] wwdr() {
        try {
            return certificate(rsa(), "CN=Apple Worldwide Developer Relations (test), OU=G4, O=Apple Inc.",
                    Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650))).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String serviceAccountJson(boolean withPrivateKey) {
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder().encodeToString(GOOGLE_KEYS.getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        return "{\"type\": \"service_account\", \"project_id\": \"test\", \"client_email\": "
                + "\"wallet@test.iam.gserviceaccount.com\", \"token_uri\": \"https://oauth2.googleapis.com/token\""
                + (withPrivateKey ? ", \"private_key\": \"" + pem + "\"" : "") + "}";
    }

    static byte[] pkcs12(KeyPair keys, X509Certificate cert, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("pass", keys.getPrivate(), password.toCharArray(), new X509Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(KeyPair keys, String subject, Instant from, Instant until) {
        try {
            X500Name name = new X500Name(subject);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                    Date.from(from), Date.from(until), name, keys.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
