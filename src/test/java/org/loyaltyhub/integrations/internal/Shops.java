package org.loyaltyhub.integrations.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Plays a shop in tests: posts raw webhook bodies with the headers the platform sends, signed or not. */
final class Shops {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Shops() {
    }

    record Answer(int status, String body, long millis) {
    }

    static Answer post(int port, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, String body) {
        return Signatures.base64Hmac(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls until the condition holds, failing after ten seconds. */
    static <T> T await(java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        return org.loyaltyhub.support.Eventually.until(probe, done, what);
    }
}
