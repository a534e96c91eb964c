package org.loyaltyhub.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
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
 * another body is refused with 422.
 * <p>
 * The request runs in one transaction that first claims the key (an uncommitted row, so its lock lives exactly as
 * long as the request's connection) and ends by storing the answer: the business change and its answer commit
 * together or not at all, so a retry after any crash either replays the answer or runs a request that never
 * committed. A retry while the first request still runs waits for it briefly, then is told to retry in a second.
 * Code that must commit before it calls another system (a shop) uses a transaction of its own (REQUIRES_NEW).
 */
@Component
@Order(0) // after Spring Security, so the key is scoped to the authenticated caller
class IdempotencyKeys extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final Duration wait;
    private final org.loyaltyhub.shared.Meters meters;

    IdempotencyKeys(JdbcClient jdbc, PlatformTransactionManager transactions,
                    @Value("${loyaltyhub.api.idempotency-wait:PT2S}") Duration wait, org.loyaltyhub.shared.Meters meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.wait = wait;
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
        TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            if (!claim(owner, key, hash)) {
                transactions.rollback(tx);
                replay(owner, key, hash, response);
                return;
            }
        } catch (DataAccessException e) {
            transactions.rollback(tx);
            if (!lockTimeout(e)) {
                throw e;
            }
            inProgress(response);
            return;
        }
        run(new BufferedRequest(request, body), response, chain, tx, new Answer(owner, key, hash));
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, TransactionStatus tx,
                     Answer answer) throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (ServletException | IOException | RuntimeException e) {
            transactions.rollback(tx);
            wrapper.copyBodyToResponse();
            throw e;
        }
        if (wrapper.getStatus() >= 500 || tx.isRollbackOnly()) {
            transactions.rollback(tx);
            if (wrapper.getStatus() < 500) {
                storeAfterRollback(answer, wrapper); // a refused request changed nothing: its answer stands alone
            }
            wrapper.copyBodyToResponse();
            return;
        }
        try {
            store(answer, wrapper);
            transactions.commit(tx);
        } catch (RuntimeException e) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            log.warn("The answer to a request could not be committed; nothing was saved", e);
            wrapper.resetBuffer();
            response.reset();
            response.setHeader("Retry-After", "1");
            problem(response, 503, "busy-retry", "The request could not be completed; nothing was saved, retry it");
            return;
        }
        wrapper.copyBodyToResponse();
    }

    /**
     * True when this request may run: the key is new, or was left unanswered by an older version. A key another
     * transaction has claimed is waited for (its row lock), up to {@link #wait}.
     */
    private boolean claim(String owner, String key, String hash) {
        jdbc.sql("select set_config('lock_timeout', :ms, true)").param("ms", wait.toMillis() + "ms")
                .query(String.class).single();
        int claimed = jdbc.sql("insert into idempotent_request (owner, key, request_hash) values (:owner, :key, :hash) "
                        + "on conflict (owner, key) do update set request_hash = excluded.request_hash, created_at = now() "
                        + "where idempotent_request.status is null")
                .param("owner", owner).param("key", key).param("hash", hash).update();
        jdbc.sql("select set_config('lock_timeout', '0', true)").query(String.class).single();
        return claimed == 1;
    }

    private void store(Answer answer, ContentCachingResponseWrapper wrapper) {
        jdbc.sql("update idempotent_request set status = :status, content_type = :type, body = :body "
                        + "where owner = :owner and key = :key")
                .param("status", wrapper.getStatus()).param("type", wrapper.getContentType())
                .param("body", wrapper.getContentAsByteArray()).param("owner", answer.owner()).param("key", answer.key())
                .update();
    }

    private void storeAfterRollback(Answer answer, ContentCachingResponseWrapper wrapper) {
        try {
            jdbc.sql("insert into idempotent_request (owner, key, request_hash, status, content_type, body) "
                        + "values (:owner, :key, :hash, :status, :type, :body) on conflict do nothing")
                .param("owner", answer.owner()).param("key", answer.key()).param("hash", answer.hash())
                .param("status", wrapper.getStatus()).param("type", wrapper.getContentType())
                .param("body", wrapper.getContentAsByteArray()).update();
        } catch (DataAccessException e) {
            log.warn("The answer to a refused request was not stored; a retry will run it again: {}", e.getMessage());
        }
    }

    private void replay(String owner, String key, String hash, HttpServletResponse response) throws IOException {
        Optional<Stored> stored = jdbc.sql("select request_hash, status, content_type, body from idempotent_request "
                        + "where owner = :owner and key = :key")
                .param("owner", owner).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        if (stored.isEmpty() || stored.get().status() == null) {
            inProgress(response);
            return;
        }
        Stored s = stored.get();
        if (!s.hash().equals(hash)) {
            problem(response, 422, "idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request");
        } else {
            response.setStatus(s.status());
            if (s.contentType() != null) {
                response.setContentType(s.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            meters.idempotentReplay("api");
            if (s.body() != null) {
                response.getOutputStream().write(s.body());
            }
        }
    }

    private static boolean lockTimeout(DataAccessException e) {
        return e instanceof PessimisticLockingFailureException
                || e.getMostSpecificCause() instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState());
    }

    private static void inProgress(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        problem(response, 409, "request-in-progress", "A request with this Idempotency-Key is still running; retry shortly");
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

    private record Answer(String owner, String key, String hash) {
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
