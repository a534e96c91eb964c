package org.loyaltyhub.assistants;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Meters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A tool call that changes data runs once per idempotency key: the key is claimed, the change made and its answer
 * stored in one transaction (the API's {@code idempotent_request} table, keys of the caller prefixed {@code mcp:}),
 * so a retry gets the first answer and writes nothing, and a refused call leaves no trace to replay. The same key
 * with other arguments is refused.
 */
@Component
class ToolReplays {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Meters meters;

    ToolReplays(JdbcClient jdbc, TransactionTemplate tx, Meters meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.meters = meters;
    }

    String once(String tool, String key, String arguments, Supplier<String> change) {
        String owner = owner();
        String stored = "mcp:" + tool + ":" + key;
        String hash = hash(tool + "\n" + arguments);
        return tx.execute(status -> {
            int claimed = jdbc.sql("insert into idempotent_request (owner, key, request_hash) values (:owner, :key, :hash) "
                            + "on conflict (owner, key) do nothing")
                    .param("owner", owner).param("key", stored).param("hash", hash).update();
            if (claimed == 0) {
                return replay(owner, stored, hash);
            }
            String answer = change.get();
            jdbc.sql("update idempotent_request set status = 200, content_type = 'application/json', body = :body "
                            + "where owner = :owner and key = :key")
                    .param("body", answer.getBytes(StandardCharsets.UTF_8)).param("owner", owner).param("key", stored)
                    .update();
            return answer;
        });
    }

    private String replay(String owner, String key, String hash) {
        record Stored(String hash, byte[] body) {
        }
        Optional<Stored> first = jdbc.sql("select request_hash, body from idempotent_request where owner = :owner and key = :key")
                .param("owner", owner).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2))).optional();
        if (first.isEmpty() || first.get().body() == null) {
            throw new LoyaltyException("request-in-progress", Failure.CONFLICT, "A call with this idempotencyKey is still running; retry shortly");
        }
        if (!first.get().hash().equals(hash)) {
            throw new LoyaltyException("idempotency-key-reused", Failure.REFUSED,
                    "This idempotencyKey was already used with other arguments: use a new key for a new change");
        }
        meters.idempotentReplay("mcp");
        return new String(first.get().body(), StandardCharsets.UTF_8);
    }

    /** Keys belong to the caller that sent them, as the REST API's do. */
    private static String owner() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
