package org.loyaltyhub.privacy.retention;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention applies to every circuit, with the defaults where a circuit never saved settings. */
class RetentionDefaultsTest extends IntegrationTest {

    @Autowired
    private RetentionJob job;

    @Autowired
    private RetentionService retention;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aCircuitThatNeverSavedSettingsHasWebhookBodiesEmptiedAfterTheDefault90Days() {
        World w = fixtures.world(api);
        long[] shop = w.company("Unset");
        long connection = connection(w.circuitId, shop);
        long old = delivery(w.circuitId, connection, "PROCESSED", clock.instant());
        clock.advance(Duration.ofDays(89));
        job.runAt(clock.instant());
        assertThat(hasBody(old)).as("89 days old: kept").isTrue();
        assertThat(runs(w.circuitId)).as("a round that did nothing is not listed for a circuit on the defaults")
                .isZero();

        clock.advance(Duration.ofDays(2));
        job.runAt(clock.instant());

        assertThat(hasBody(old)).as("91 days old: emptied under the defaults").isFalse();
        assertThat(jdbc.sql("select count(*) from retention_settings where circuit_id = :c").param("c", w.circuitId)
                .query(Long.class).single()).as("nothing was saved for the circuit").isZero();
        assertThat(runs(w.circuitId)).isEqualTo(1);
        assertThat(jdbc.sql("select coalesce(sum(bodies_emptied), 0) from retention_run where circuit_id = :c")
                .param("c", w.circuitId).query(Long.class).single()).isEqualTo(1);
    }

    private long runs(long circuitId) {
        return jdbc.sql("select count(*) from retention_run where circuit_id = :c").param("c", circuitId)
                .query(Long.class).single();
    }

    @Test
    void aCircuitThatNeverSavedSettingsKeepsItsMembersButLosesAuditRecordsOlderThanTheDefaultYears() {
        World w = fixtures.world(api);
        clock.advance(Duration.ofDays(-20 * 365)); // enrolled 20 years ago, never seen since
        long member = w.enrol(w.asAdmin(), "kept").path("id").asLong();
        clock.reset();
        Instant now = clock.instant();
        Instant sixYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(6).toInstant();
        Instant fourYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(4).toInstant();
        long tooOld = audit(w.circuitId, sixYearsAgo);
        long recent = audit(w.circuitId, fourYearsAgo);
        long platformTooOld = audit(null, sixYearsAgo);
        long platformRecent = audit(null, fourYearsAgo);

        job.runAt(clock.instant());

        assertThat(auditExists(tooOld)).as("older than the default 5 years").isFalse();
        assertThat(auditExists(recent)).isTrue();
        assertThat(auditExists(platformTooOld)).as("the platform's own records too").isFalse();
        assertThat(auditExists(platformRecent)).isTrue();
        assertThat(w.asAdmin().get("/api/v1/members/" + member).json().path("email").asString())
                .as("erasing inactive members stays off by default").contains("kept");
    }

    @Test
    void emptyingBodiesTouchesOnlyTheCircuitsHandledDeliveriesReceivedBeforeTheCutOffAndOnlyOnce() {
        World w = fixtures.world(api);
        World other = fixtures.world(api);
        long connection = connection(w.circuitId, w.company("Bodies"));
        long otherConnection = connection(other.circuitId, other.company("Elsewhere"));
        Instant cutOff = clock.instant();
        long processed = delivery(w.circuitId, connection, "PROCESSED", cutOff.minusSeconds(60));
        long failed = delivery(w.circuitId, connection, "FAILED", cutOff.minusSeconds(60));
        long waiting = delivery(w.circuitId, connection, "RECEIVED", cutOff.minusSeconds(60));
        long newer = delivery(w.circuitId, connection, "PROCESSED", cutOff.plusSeconds(60));
        long elsewhere = delivery(other.circuitId, otherConnection, "PROCESSED", cutOff.minusSeconds(60));

        assertThat(retention.emptyBodies(w.circuitId, cutOff)).isEqualTo(2);

        assertThat(hasBody(processed)).isFalse();
        assertThat(headers(processed)).isEqualTo("{}");
        assertThat(hasBody(failed)).isFalse();
        assertThat(hasBody(waiting)).as("not yet handled: its body is still needed").isTrue();
        assertThat(hasBody(newer)).as("after the cut-off").isTrue();
        assertThat(hasBody(elsewhere)).as("another circuit").isTrue();
        assertThat(jdbc.sql("select outcome from shop_delivery where id = :id").param("id", processed)
                .query(String.class).single()).as("the outcome stays").isEqualTo("done");
        assertThat(retention.emptyBodies(w.circuitId, cutOff)).as("nothing left to empty").isZero();
    }

    private long connection(long circuitId, long[] shop) {
        return jdbc.sql("insert into shop_connection (circuit_id, company_id, store_id, platform, name, shop_url, "
                        + "shop_domain) values (:c, :co, :s, 'WOOCOMMERCE', 'Shop', 'https://shop.test', 'shop.test') "
                        + "returning id").param("c", circuitId).param("co", shop[0]).param("s", shop[1])
                .query(Long.class).single();
    }

    private long delivery(long circuitId, long connection, String status, Instant receivedAt) {
        return jdbc.sql("insert into shop_delivery (circuit_id, connection_id, platform, topic, dedupe_key, body, "
                        + "headers, received_at, status, outcome) values (:c, :conn, 'WOOCOMMERCE', 'order.updated', :key, "
                        + ":body, '{\"x-wc-webhook-source\": \"https://shop.test\"}', :at, :status, 'done') returning id")
                .param("c", circuitId).param("conn", connection).param("key", Fixtures.unique("d"))
                .param("body", "{\"billing\": {\"email\": \"someone@shop.test\"}}".getBytes(StandardCharsets.UTF_8))
                .param("at", Timestamp.from(receivedAt)).param("status", status).query(Long.class).single();
    }

    private boolean hasBody(long delivery) {
        return jdbc.sql("select body is not null from shop_delivery where id = :id").param("id", delivery)
                .query(Boolean.class).single();
    }

    private String headers(long delivery) {
        return jdbc.sql("select headers::text from shop_delivery where id = :id").param("id", delivery)
                .query(String.class).single();
    }

    private long audit(Long circuitId, Instant at) {
        return jdbc.sql("insert into audit_record (circuit_id, at, actor_kind, actor, action, operation, entity, status) "
                        + "values (:c, :at, 'SYSTEM', 'test', 'CHANGE', 'POST /test', 'test', 200) returning id")
                .param("c", circuitId).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private boolean auditExists(long id) {
        return jdbc.sql("select count(*) from audit_record where id = :id").param("id", id).query(Long.class).single() > 0;
    }
}
