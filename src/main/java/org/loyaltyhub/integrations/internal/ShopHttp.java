package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Calls a shop's API and turns transport failures into a sentence an administrator can act on. Never follows
 * redirects (a redirect to a login page is not an API answer), and never calls a private or local address unless
 * the operator allows it ({@link ShopAddresses}).
 */
@Component
public class ShopHttp {

    private final HttpClient http;
    private final IntegrationSettings settings;
    private final ShopAddresses addresses;

    ShopHttp(IntegrationSettings settings, ShopAddresses addresses) {
        this.settings = settings;
        this.addresses = addresses;
        this.http = HttpClient.newBuilder().connectTimeout(settings.shopTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The answer's JSON, or null when it is none. */
        public tools.jackson.databind.JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
            } catch (RuntimeException notJson) {
                return null;
            }
        }

        /** The shop's refusal in words: its status and the message it gave, if any. */
        public String refusal(String shop) {
            tools.jackson.databind.JsonNode json = json();
            String message = null;
            if (json != null) {
                message = Json.text(json, "message");
                if (message == null && json.path("errors").isArray() && !json.path("errors").isEmpty()) {
                    message = Json.text(json.path("errors").get(0), "message");
                }
                if (message == null && json.path("errors").isString()) {
                    message = json.path("errors").asString();
                }
            }
            String answered = status == 401 || status == 403 ? "bad credentials (HTTP " + status + ")"
                    : ok() ? "an unexpected answer" : "HTTP " + status;
            return shop + " answered " + answered + (message != null ? ": " + message : "");
        }
    }

    /** A failure to reach the shop at all: unreachable, TLS, timeout. */
    public static final class Unreachable extends Exception {
        public Unreachable(String message) {
            super(message);
        }
    }

    /** An answer with its headers, for the calls that page by them. */
    public record Answered(Answer answer, java.net.http.HttpHeaders headers) {

        /** A header's whole-number value, or null when it is missing or not a number. */
        public Integer intHeader(String name) {
            try {
                return headers.firstValue(name).map(String::strip).map(Integer::valueOf).orElse(null);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    public Answer send(String method, String url, Map<String, String> headers, String body) throws Unreachable {
        return sendForHeaders(method, url, headers, body).answer();
    }

    public Answered sendForHeaders(String method, String url, Map<String, String> headers, String body)
            throws Unreachable {
        HttpRequest.Builder request;
        try {
            java.util.Optional<String> refused = addresses.refusal(URI.create(url));
            if (refused.isPresent()) {
                throw new Unreachable("not called: " + refused.get());
            }
            request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.shopTimeout())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Unreachable("the shop address is not a valid URL: " + url);
        }
        request.header("User-Agent", "LoyaltyHub");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answered(new Answer(response.statusCode(), response.body()), response.headers());
        } catch (SSLException e) {
            throw new Unreachable("TLS problem talking to " + URI.create(url).getHost() + ": " + e.getMessage()
                    + " (is the certificate valid for this host?)");
        } catch (HttpTimeoutException e) {
            throw new Unreachable("the shop did not answer within " + settings.shopTimeout().toSeconds() + " s");
        } catch (ConnectException | UnknownHostException e) {
            throw new Unreachable("unreachable: cannot connect to " + URI.create(url).getHost()
                    + (URI.create(url).getPort() > 0 ? ":" + URI.create(url).getPort() : ""));
        } catch (IOException e) {
            if (e.getCause() instanceof SSLException ssl) {
                throw new Unreachable("TLS problem talking to " + URI.create(url).getHost() + ": " + ssl.getMessage());
            }
            throw new Unreachable("unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password))
                .getBytes(StandardCharsets.UTF_8));
    }
}
