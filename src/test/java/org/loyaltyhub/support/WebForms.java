package org.loyaltyhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages' forms without a browser: plain HTTP/1.1 over a socket (one request per connection), so a test can send
 * any header a client could (a forged Host, a proxy's X-Forwarded-For), with the session cookie and the CSRF token of
 * the last page read.
 */
public final class WebForms {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrf;

    public WebForms(int port) {
        this.port = port;
    }

    /** A client signed in as the operator, holding the CSRF token of one of their pages (the counter). */
    public static WebForms signedIn(int port, Api.Login login) {
        WebForms forms = new WebForms(port);
        forms.get("/login");
        forms.post("/login", Map.of("email", login.email(), "password", login.password()));
        forms.get("/counter");
        return forms;
    }

    /** Sends the header with every later request (e.g. {@code X-Forwarded-For} as a trusted proxy would). */
    public WebForms header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A client seen at another network address (sent by the local, trusted proxy). */
    public WebForms from(String address) {
        return header("X-Forwarded-For", address);
    }

    public Reply get(String path) {
        return exchange("GET", path, null);
    }

    /** Posts the form with the CSRF token of the last page read. */
    public Reply post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        return exchange("POST", path, fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
    }

    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.getFirst();
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of());
        }

        /** The status, and for a redirect where it leads ("302 /clearing?paid"). */
        public String outcome() {
            return status == 302 ? "302 " + header("Location").replaceAll("^https?://[^/]+", "") : String.valueOf(status);
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    private Reply exchange(String method, String path, String form) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nConnection: close\r\n");
        if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
            request.append("Host: localhost:").append(port).append("\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (!cookies.isEmpty()) {
            request.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        if (form != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply read(InputStream in) throws IOException {
        byte[] raw = in.readAllBytes();
        String all = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte: offsets are byte offsets
        int end = all.indexOf("\r\n\r\n");
        String[] head = all.substring(0, end).split("\r\n");
        Map<String, List<String>> replyHeaders = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            replyHeaders.computeIfAbsent(head[i].substring(0, colon).strip().toLowerCase(), k -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).strip());
        }
        replyHeaders.getOrDefault("set-cookie", List.of()).forEach(cookie -> {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        });
        String body = all.substring(end + 4);
        if (replyHeaders.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = unchunk(body);
        }
        String text = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        Matcher token = CSRF.matcher(text);
        if (token.find()) {
            csrf = token.group(1);
        }
        return new Reply(Integer.parseInt(head[0].split(" ")[1]), replyHeaders, text);
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
