package org.loyaltyhub.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the API: JSON in and out, with an operator (Basic) or API key (Bearer) identity. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String authorization;
    private final Map<String, String> headers;

    public Api(int port) {
        this(port, null, Map.of());
    }

    private Api(int port, String authorization, Map<String, String> headers) {
        this.port = port;
        this.authorization = authorization;
        this.headers = headers;
    }

    public Api as(Login login) {
        return as(login.email(), login.password());
    }

    public Api as(String email, String password) {
        return new Api(port, "Basic " + Base64.getEncoder().encodeToString((email + ":" + password)
                .getBytes(StandardCharsets.UTF_8)), headers);
    }

    public Api withKey(String apiKey) {
        return new Api(port, "Bearer " + apiKey, headers);
    }

    public Api header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Api(port, authorization, h);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** A GET whose answer is a file (a ZIP, say): its status, content type and bytes. */
    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().header("Accept", "*/*");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file downloaded by {@link #download}. */
    public record Download(int status, String contentType, byte[] bytes) {
    }

    /** Sends a raw body as is (malformed JSON, oversized payloads). */
    public Response postRaw(String path, String raw) {
        return exchange("POST", path, HttpRequest.BodyPublishers.ofString(raw));
    }

    /** Sends bytes as is under a content type (an uploaded file as the body). */
    public Response postBytes(String path, String contentType, byte[] bytes) {
        return exchange("POST", path, HttpRequest.BodyPublishers.ofByteArray(bytes), contentType);
    }

    /** Sends a form as a browser would (multipart/form-data): {@code byte[]} values as files, the others as text. */
    public Response multipart(String method, String path, Map<String, ?> parts) {
        String boundary = "----lh" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        parts.forEach((name, value) -> {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (value instanceof byte[] ? "; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream"
                    : "\r\nContent-Type: text/plain; charset=UTF-8") + "\r\n\r\n";
            body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(value instanceof byte[] bytes ? bytes
                    : String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
    }

    private Response send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        return exchange(method, path, publisher);
    }

    private Response exchange(String method, String path, HttpRequest.BodyPublisher body) {
        return exchange(method, path, body, "application/json");
    }

    private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, body).header("Content-Type", contentType)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        /** The problem type's code, for problem responses. */
        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public record Login(String email, String password) {
    }
}
