package org.loyaltyhub.privacy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.privacy.retention.RetentionJob;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest extends IntegrationTest {

    @Autowired
    private RetentionJob job;

    @Autowired
    private JdbcClient jdbc;

    private static Map<String, Object> settings(Integer years, int days, int audit) {
        Map<String, Object> s = new HashMap<>(Map.of("deliveryBodyDays", days, "auditYears", audit));
        s.put("inactiveMemberYears", years);
        return s;
    }

    @Test
    void retentionIsOffUntilSetAndThenErasesOnlyMembersInactiveForTheYearsSetOnceWhateverTheRounds() {
        World w = fixtures.world(api);
        long[] shop = w.company("Keep");
        JsonNode defaults = w.asAdmin().get("/api/v1/privacy/retention").json();
        assertThat(defaults.path("inactiveMemberYears").isNull()).as("off by default").isTrue();
        assertThat(defaults.path("deliveryBodyDays").asInt()).isEqualTo(90);

        long sleeper = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("sleeper") + "@member.test",
                "storeId", shop[1])).path("id").asLong();
        long regular = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("regular") + "@member.test",
                "storeId", shop[1])).path("id").asLong();
        clock.advance(Duration.ofDays(3 * 365 + 1));
        assertThat(w.purchase(w.asAdmin(), Map.of("orderId", Fixtures.unique("o"), "member", Map.of("id", regular),
                "currency", "EUR", "total", "10", "status", "PAID", "storeId", shop[1])).status()).isEqualTo(201);

        assertThat(w.asAdmin().get("/api/v1/privacy/retention/preview?years=2").json().path("members").asLong())
                .as("the preview counts before anything is switched on").isEqualTo(1);
        job.runAt(clock.instant());
        assertThat(w.asAdmin().get("/api/v1/members/" + sleeper).json().path("email").isMissingNode()
                || w.asAdmin().get("/api/v1/members/" + sleeper).json().path("email").isNull())
                .as("nothing happens while retention is off").isFalse();

        assertThat(w.asAdmin().put("/api/v1/privacy/retention", settings(2, 30, 6)).status()).isEqualTo(200);
        job.runAt(clock.instant());
        job.runAt(clock.instant());
        JsonNode erasures = w.asAdmin().get("/api/v1/privacy/erasures").json();
        assertThat(erasures.size()).isEqualTo(1);
        assertThat(erasures.get(0).path("memberId").asLong()).isEqualTo(sleeper);
        assertThat(erasures.get(0).path("source").asString()).isEqualTo("RETENTION");
        assertThat(erasures.get(0).path("reason").asString()).isEqualTo("inactive for 2 years");
        JsonNode runs = w.asAdmin().get("/api/v1/privacy/retention/runs").json();
        assertThat(runs.valueStream().mapToInt(r -> r.path("membersErased").asInt()).sum()).isEqualTo(1);
        assertThat(w.asAdmin().get("/api/v1/members/" + regular).json().path("email").asString()).contains("regular");
        w.assertBooksBalance();
    }

    @Test
    void oldStoredAnswersAreDeletedAfterTheDaysSet() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bodies");
        assertThat(w.asAdmin().put("/api/v1/privacy/retention", settings(null, 10, 5)).status()).isEqualTo(200);
        Api keyed = w.asAdmin().header("Idempotency-Key", Fixtures.unique("k"));
        long m = w.enrol(keyed, Map.of("email", Fixtures.unique("kept") + "@member.test", "storeId", shop[1]))
                .path("id").asLong();
        String email = w.asAdmin().get("/api/v1/members/" + m).json().path("email").asString();
        assertThat(answersMentioning(email)).isEqualTo(1);
        // the answer was stored 11 days ago (the platform-wide 24-hour cleanup is a separate job)
        clock.advance(Duration.ofDays(11));
        job.runAt(clock.instant());
        assertThat(answersMentioning(email)).isZero();
        assertThat(w.asAdmin().get("/api/v1/privacy/retention/runs").json().get(0).path("answersDeleted").asInt())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedWithAProblemAndNothingIsSaved() {
        World w = fixtures.world(api);
        Api.Response bad = w.asAdmin().put("/api/v1/privacy/retention", settings(0, 0, 50));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/privacy/retention").json().path("auditYears").asInt()).isEqualTo(5);
        assertThat(w.asAdmin().get("/api/v1/privacy/retention/preview?years=0").status()).isEqualTo(400);
    }

    private long answersMentioning(String email) {
        return jdbc.sql("select count(*) from idempotent_request where position(convert_to(:e, 'UTF8') in body) > 0")
                .param("e", email).query(Long.class).single();
    }

    @SuppressWarnings("unused")
    private static Timestamp at(java.time.Instant i) {
        return Timestamp.from(i);
    }

    @Test
    void auditRecordsAreKeptTheYearsSetAndThenRemovedByTheRetentionJob() {
        World w = fixtures.world(api);
        long[] shop = w.company("Audited");
        assertThat(w.asAdmin().put("/api/v1/privacy/retention", settings(null, 30, 2)).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(-3 * 365));
        w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("old") + "@member.test", "storeId", shop[1]));
        recordedAfterTheAnswer(w.circuitId);
        clock.reset();
        w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("new") + "@member.test", "storeId", shop[1]));
        assertThat(auditRecords(w.circuitId, true)).as("a change three years ago was recorded").isPositive();

        job.runAt(clock.instant());

        assertThat(auditRecords(w.circuitId, true)).as("older than the 2 years set: removed").isZero();
        assertThat(auditRecords(w.circuitId, false)).as("recent records stay").isPositive();
    }

    /** The audit record is written once the request completes, just after the answer: wait for it (at most 10 s). */
    private void recordedAfterTheAnswer(long circuitId) {
        for (int i = 0; i < 200 && auditRecords(circuitId, true) == 0; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long auditRecords(long circuitId, boolean old) {
        return jdbc.sql("select count(*) from audit_record where circuit_id = :c and (at < now() - interval '1 year') = :old")
                .param("c", circuitId).param("old", old).query(Long.class).single();
    }
}
