package org.loyaltyhub.shared.web;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyCleanupTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyCleanup cleanup;

    @Test
    void answersOlderThanADayAreForgottenAndRecentOnesKept() {
        String owner = Fixtures.unique("owner");
        jdbc.sql("insert into idempotent_request (owner, key, request_hash, status, created_at) values "
                + "(:o, 'old', 'h', 201, now() - interval '25 hours'), (:o, 'new', 'h', 201, now() - interval '1 hour')")
                .param("o", owner).update();
        assertThat(cleanup.removeOlderThan(Duration.ofHours(24))).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select key from idempotent_request where owner = :o").param("o", owner)
                .query(String.class).list()).containsExactly("new");
    }
}
