package org.loyaltyhub.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Honours the {@code Idempotency-Key} header on every API POST: the first response (2xx or 4xx) is stored and
 * returned again for a replay with the same key and body, without running the request twice. The same key with
 * another body is refused with 422; a replay while the first request is still running gets 409.
 */
@Component
@Order(0) // after Spring Security, so the key is scoped to the authenticated caller
class IdempotencyKeys extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            problem(response, 400, "invalid-idempotency-key", "Idempotency-Key must have 1 to 200 characters");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (CappedRequest.BodyTooLarge e) {
            problem(response, 413, "body-too-large", e.getMessage());
            return;
        }
        String owner = owner();
        String hash = hash(request, body);
        if (!claim(owner, key, hash)) {
            replay(owner, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new BufferedRequest(request, body), wrapper);
            if (wrapper.getStatus() < 500) {
                jdbc.sql("update idempotent_request set status = :status, content_type = :type, body = :body "
                                + "where owner = :owner and key = :key")
                        .param("status", wrapper.getStatus()).param("type", wrapper.getContentType())
                        .param("body", wrapper.getContentAsByteArray()).param("owner", owner).param("key", key)
                        .update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("delete from idempotent_request where owner = :owner and key = :key and status is null")
                        .param("owner", owner).param("key", key).update();
            }
            wrapper.copyBodyToResponse();
        }
    }

    /** True when this request may run: the key is new, or a previous attempt was abandoned long ago. */
    private boolean claim(String owner, String key, String hash) {
        int inserted = jdbc.sql("insert into idempotent_request (owner, key, request_hash) values (:owner, :key, :hash) "
                        + "on conflict do nothing")
                .param("owner", owner).param("key", key).param("hash", hash).update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("update idempotent_request set created_at = now() where owner = :owner and key = :key "
                        + "and request_hash = :hash and status is null and created_at < now() - make_interval(secs => :secs)")
                .param("owner", owner).param("key", key).param("hash", hash)
                .param("secs", ABANDONED_AFTER.toSeconds()).update() == 1;
    }

    private void replay(String owner, String key, String hash, HttpServletResponse response) throws IOException {
        Optional<Stored> stored = jdbc.sql("select request_hash, status, content_type, body from idempotent_request "
                        + "where owner = :owner and key = :key")
                .param("owner", owner).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        if (stored.isEmpty()) {
            problem(response, 409, "request-in-progress", "A request with this Idempotency-Key is still running; retry shortly");
            return;
        }
        Stored s = stored.get();
        if (!s.hash().equals(hash)) {
            problem(response, 422, "idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request");
        } else if (s.status() == null) {
            response.setHeader("Retry-After", "1");
            problem(response, 409, "request-in-progress", "A request with this Idempotency-Key is still running; retry shortly");
        } else {
            response.setStatus(s.status());
            if (s.contentType() != null) {
                response.setContentType(s.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            if (s.body() != null) {
                response.getOutputStream().write(s.body());
            }
        }
    }

    private static String owner() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problem(HttpServletResponse response, int status, String code, String detail) throws IOException {
        Problems.write(response, status, code, detail);
    }

    private record Stored(String hash, Integer status, String contentType, byte[] body) {
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
