package org.loyaltyhub.passes.internal;

import org.springframework.stereotype.Component;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;

/**
 * Tells Apple's push service (APNs, HTTP/2 over TLS) that a pass changed: an empty JSON body to
 * {@code /3/device/<token>} with the pass type as topic, authenticated by the pass type certificate (TLS client
 * certificate) or by a provider token ({@code authorization: bearer}); the device then asks the pass web service for
 * what changed. The server's certificate is verified against the JDK's trusted ones, or against those the settings
 * name ({@code loyaltyhub.passes.apns-trusted-certificates}).
 */
@Component
class Apns {

    /** What APNs said about one device. */
    enum Outcome { DELIVERED, DEVICE_GONE, FAILED }

    private final PassSettings settings;
    private final TrustManager[] trusted;

    Apns(PassSettings settings) {
        this.settings = settings;
        this.trusted = settings.apnsTrustedCertificates() == null ? null
                : trusting(Path.of(settings.apnsTrustedCertificates()));
    }

    HttpRequest request(ApnsAuth auth, String topic, String pushToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.apnsUrl() + "/3/device/" + pushToken))
                .version(HttpClient.Version.HTTP_2).timeout(Duration.ofSeconds(20))
                .header("apns-topic", topic).header("apns-push-type", "background")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (auth instanceof ApnsAuth.ProviderToken token) {
            request.header("authorization", "bearer " + token.jwt());
        }
        return request.build();
    }

    Outcome push(ApnsAuth auth, String topic, String pushToken) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(tls(auth)).connectTimeout(Duration.ofSeconds(10)).build()) {
            int status = client.send(request(auth, topic, pushToken), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status == 200 ? Outcome.DELIVERED : status == 410 ? Outcome.DEVICE_GONE : Outcome.FAILED;
        } catch (IOException e) {
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        }
    }

    private SSLContext tls(ApnsAuth auth) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(auth instanceof ApnsAuth.Certificate c ? clientCertificate(c.certificate()) : null, trusted, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for APNs", e);
        }
    }

    private static KeyManager[] clientCertificate(AppleCertificate cert) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            // the pass certificate alone: a key store refuses a chain whose links it cannot verify
            store.setKeyEntry("pass", cert.key(), none, new Certificate[] {cert.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            return keys.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the pass certificate", e);
        }
    }

    /** Trust managers that trust exactly the certificates of the file (PEM or DER, one or more). */
    private static TrustManager[] trusting(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + n++, cert);
            }
            if (n == 0) {
                throw new IllegalStateException("no certificate in " + file + " (loyaltyhub.passes.apns-trusted-certificates)");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the certificates APNs is trusted with: " + file
                    + " (loyaltyhub.passes.apns-trusted-certificates)", e);
        }
    }
}
