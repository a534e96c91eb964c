package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Stored deliveries: inserted once per dedupe key, claimed for processing with a row lock that skips busy rows. */
@Component
public class Deliveries {

    private static final String COLUMNS = "*, (status = 'FAILED' and next_attempt_at = 'infinity') as given_up";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the delivery; empty when one with the same dedupe key exists (a duplicate). */
    public Optional<Long> insert(Connection c, String topic, String dedupeKey, byte[] body, String headersJson) {
        return jdbc.sql("""
                        insert into shop_delivery (circuit_id, connection_id, platform, topic, dedupe_key, body, headers)
                        values (:c, :conn, :platform, :topic, :key, :body, cast(:headers as jsonb))
                        on conflict (connection_id, dedupe_key) do nothing returning id""")
                .param("c", c.circuitId()).param("conn", c.id()).param("platform", c.platform().name())
                .param("topic", topic).param("key", dedupeKey).param("body", body).param("headers", headersJson)
                .query(Long.class).optional();
    }

    /** Locks a delivery that still needs processing, or returns empty if it is done or another worker has it. */
    Optional<Delivery> claim(long id) {
        return jdbc.sql("select " + COLUMNS + " from shop_delivery where id = :id and status in ('RECEIVED', 'FAILED') "
                        + "for update skip locked")
                .param("id", id).query(Deliveries::row).optional();
    }

    /** Deliveries due for a (re)try: failed ones whose backoff has passed, and received ones left behind. */
    List<Long> due(int maxAttempts, Duration leftBehind, int limit) {
        return jdbc.sql("""
                        select id from shop_delivery
                         where ((status = 'FAILED' and attempts < :max and next_attempt_at <= now())
                                or (status = 'RECEIVED' and received_at < now() - make_interval(secs => :secs)))
                         order by next_attempt_at limit :limit""")
                .param("max", maxAttempts).param("secs", (double) leftBehind.toSeconds()).param("limit", limit)
                .query(Long.class).list();
    }

    void finish(long id, Delivery.Status status, String outcome, String customerRef) {
        jdbc.sql("update shop_delivery set status = :s, outcome = :outcome, customer_ref = coalesce(:customer, customer_ref), "
                        + "attempts = attempts + 1, processed_at = now(), last_error = null where id = :id")
                .param("s", status.name()).param("outcome", cut(outcome)).param("customer", customerRef).param("id", id)
                .update();
    }

    void fail(long id, String error, Duration retryIn) {
        jdbc.sql("update shop_delivery set status = 'FAILED', attempts = attempts + 1, last_error = :error, "
                        + "next_attempt_at = now() + make_interval(secs => :secs) where id = :id")
                .param("error", cut(error)).param("secs", (double) retryIn.toSeconds()).param("id", id).update();
    }

    /** A failure retrying cannot change: the delivery is never due again by itself (a replay still takes it). */
    void failForGood(long id, String error) {
        jdbc.sql("update shop_delivery set status = 'FAILED', attempts = attempts + 1, last_error = :error, "
                        + "next_attempt_at = 'infinity' where id = :id")
                .param("error", cut(error)).param("id", id).update();
    }

    /** Puts a delivery back in the queue (the back office's replay). */
    boolean requeue(long id) {
        return jdbc.sql("update shop_delivery set status = 'RECEIVED', next_attempt_at = now(), last_error = null "
                        + "where id = :id and body is not null").param("id", id).update() == 1;
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from shop_delivery where id = :id").param("id", id).query(Deliveries::row).optional();
    }

    Page<Delivery> ofConnection(long connectionId, String status, PageQuery page) {
        long total = jdbc.sql("select count(*) from shop_delivery where connection_id = :conn "
                        + "and (cast(:status as text) is null or status = :status)")
                .param("conn", connectionId).param("status", status).query(Long.class).single();
        List<Delivery> items = jdbc.sql("select " + COLUMNS + " from shop_delivery where connection_id = :conn "
                        + "and (cast(:status as text) is null or status = :status) order by id desc limit :limit offset :offset")
                .param("conn", connectionId).param("status", status).param("limit", page.size())
                .param("offset", page.offset()).query(Deliveries::row).list();
        return Page.of(items, page, total);
    }

    /** Privacy: removes the stored bodies of a shop customer's deliveries (the rows stay as a record). */
    int scrubCustomer(long connectionId, String customerRef) {
        return jdbc.sql("update shop_delivery set body = null, headers = '{}' where connection_id = :conn "
                        + "and customer_ref = :customer")
                .param("conn", connectionId).param("customer", customerRef).update();
    }

    /** Privacy: deletes every delivery of the connection but the shop's requests to be forgotten (the record). */
    int deleteAllButRemovalRequests(long connectionId) {
        return jdbc.sql("delete from shop_delivery where connection_id = :conn "
                        + "and not (topic = 'shop/redact' and status = 'PROCESSED')")
                .param("conn", connectionId).update();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static Delivery row(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("circuit_id"), rs.getLong("connection_id"),
                Platform.valueOf(rs.getString("platform")), rs.getString("topic"), rs.getString("dedupe_key"),
                rs.getBytes("body"), rs.getString("headers"), Delivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("outcome"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("processed_at") == null ? null : rs.getTimestamp("processed_at").toInstant(),
                rs.getBoolean("given_up"));
    }
}
