package org.loyaltyhub.shared.web;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Idempotency-Key's stored answer commits with the business change: a failure (or a crash) between the change
 * and the stored answer leaves neither, and a key held by a node whose connection died is free at once.
 */
class IdempotencyAcrossCrashesTest extends IntegrationTest {

    private static final Map<String, Object> ONE_POINT = Map.of("direction", "CREDIT", "points", 1, "note", "gift");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource dataSource;

    /** Test triggers are DDL: the owner's pool (the application's pools may not change the schema). */
    private JdbcClient owner() {
        return JdbcClient.create(dataSource);
    }

    private World world;
    private long member;

    private Api keyed(String key) {
        return world.asAdmin().header("Idempotency-Key", key);
    }

    private Api.Response credit(String key) {
        return keyed(key).post("/api/v1/members/" + member + "/adjustments", ONE_POINT);
    }

    private void open() {
        world = fixtures.world(api);
        member = world.enrol(world.asAdmin(), "crash").path("id").asLong();
    }

    @Test
    void aFailureBetweenTheCreditAndItsStoredAnswerLeavesNoCreditAndTheRetryCreditsOnce() {
        open();
        String key = Fixtures.unique("crash-test-");
        owner().sql("create or replace function idempotency_test_crash() returns trigger language plpgsql as $$ "
                + "begin raise exception 'simulated crash before the answer is stored'; end $$").update();
        owner().sql("create trigger idempotency_test_crash before update on idempotent_request for each row "
                + "when (new.key = '" + key + "' and new.status is not null) execute function idempotency_test_crash()")
                .update();
        Api.Response failed;
        try {
            failed = credit(key);
        } finally {
            owner().sql("drop trigger idempotency_test_crash on idempotent_request").update();
        }
        assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        assertThat(world.available(member)).as("the credit rolled back with its answer").isZero();

        Api.Response retry = credit(key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        Api.Response replay = credit(key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(retry.body());
        assertThat(world.available(member)).isEqualTo(1);
        world.assertBooksBalance();
    }

    @Test
    void aKeyLeftInProgressByANodeThatDiedIsUsableAtOnce() {
        open();
        String first = Fixtures.unique("first-");
        assertThat(credit(first).status()).isEqualTo(201);
        String abandoned = Fixtures.unique("abandoned-");
        // what a node of the previous version left behind when it died between claiming the key and answering
        jdbc.sql("insert into idempotent_request (owner, key, request_hash) "
                        + "select owner, :abandoned, request_hash from idempotent_request where key = :first")
                .param("abandoned", abandoned).param("first", first).update();

        long started = System.nanoTime();
        Api.Response retry = credit(abandoned);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(world.available(member)).isEqualTo(2);
    }

    @Test
    void aKeyHeldByAConnectionThatWasTerminatedIsUsableAtOnce() throws Exception {
        open();
        String first = Fixtures.unique("first-");
        assertThat(credit(first).status()).isEqualTo(201);
        String held = Fixtures.unique("held-");
        try (Connection node = claimWithoutCommitting(first, held)) {
            int pid = backendPid(node);
            assertThat(owner().sql("select pg_terminate_backend(:pid)").param("pid", pid).query(Boolean.class).single())
                    .isTrue();
            long started = System.nanoTime();
            Api.Response retry = credit(held);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        }
        assertThat(world.available(member)).isEqualTo(2);
    }

    @Test
    void aRetryWhileTheFirstRequestRunsWaitsForItsAnswer() throws Exception {
        open();
        String first = Fixtures.unique("first-");
        assertThat(credit(first).status()).isEqualTo(201);
        String running = Fixtures.unique("running-");
        try (Connection node = claimWithoutCommitting(first, running)) {
            CompletableFuture<Api.Response> retry = CompletableFuture.supplyAsync(() -> credit(running));
            Thread.sleep(300);
            try (PreparedStatement answer = node.prepareStatement("update idempotent_request set status = 201, "
                    + "content_type = 'application/json', body = convert_to('{\"answer\":\"first\"}', 'UTF8') "
                    + "where key = ?")) {
                answer.setString(1, running);
                answer.executeUpdate();
            }
            node.commit();
            Api.Response replay = retry.get();
            assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
            assertThat(replay.body()).isEqualTo("{\"answer\":\"first\"}");
        }
        assertThat(world.available(member)).as("the retry did not run the credit again").isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstRequestRunsTooLongIsToldToRetryInOneSecond() throws Exception {
        open();
        String first = Fixtures.unique("first-");
        assertThat(credit(first).status()).isEqualTo(201);
        String slow = Fixtures.unique("slow-");
        try (Connection node = claimWithoutCommitting(first, slow)) {
            long started = System.nanoTime();
            Api.Response retry = credit(slow);
            assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
            assertThat(retry.code()).isEqualTo("request-in-progress");
            assertThat(retry.header("Retry-After")).isEqualTo("1");
            node.rollback();
        }
        assertThat(world.available(member)).isEqualTo(1);
    }

    /** A connection of another node that has claimed {@code key} (for the same caller and body as {@code like}). */
    private Connection claimWithoutCommitting(String like, String key) throws SQLException {
        Connection node = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword());
        node.setAutoCommit(false);
        try (PreparedStatement claim = node.prepareStatement("insert into idempotent_request (owner, key, request_hash) "
                + "select owner, ?, request_hash from idempotent_request where key = ?")) {
            claim.setString(1, key);
            claim.setString(2, like);
            assertThat(claim.executeUpdate()).isEqualTo(1);
        }
        return node;
    }

    private static int backendPid(Connection node) throws SQLException {
        try (PreparedStatement s = node.prepareStatement("select pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
