package org.loyaltyhub.passes.internal;

import org.springframework.stereotype.Component;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

/**
 * Tells Apple's push service (APNs, HTTP/2) that a pass changed: an empty JSON body to {@code /3/device/<token>}
 * with the pass type as topic, authenticated by the pass type certificate (TLS client certificate); the device then
 * asks the pass web service for what changed.
 */
@Component
class Apns {

    /** What APNs said about one device. */
    enum Outcome { DELIVERED, DEVICE_GONE, FAILED }

    private final PassSettings settings;

    Apns(PassSettings settings) {
        this.settings = settings;
    }

    HttpRequest request(AppleCertificate cert, String pushToken) {
        return HttpRequest.newBuilder(URI.create(settings.apnsUrl() + "/3/device/" + pushToken))
                .version(HttpClient.Version.HTTP_2).timeout(Duration.ofSeconds(20))
                .header("apns-topic", cert.passTypeId()).header("apns-push-type", "background")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    Outcome push(AppleCertificate cert, String pushToken) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(clientTls(cert)).connectTimeout(Duration.ofSeconds(10)).build()) {
            int status = client.send(request(cert, pushToken), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Outcome.DELIVERED : status == 410 ? Outcome.DEVICE_GONE : Outcome.FAILED;
        } catch (IOException e) {
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        }
    }

    private static SSLContext clientTls(AppleCertificate cert) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            // the pass certificate alone: a key store refuses a chain whose links it cannot verify
            store.setKeyEntry("pass", cert.key(), none, new java.security.cert.Certificate[] {cert.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the pass certificate", e);
        }
    }
}
