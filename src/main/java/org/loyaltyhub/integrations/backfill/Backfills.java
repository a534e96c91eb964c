package org.loyaltyhub.integrations.backfill;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The backfills and their cursors (table {@code shop_backfill}). */
@Component
class Backfills {

    private static final String SELECT = "select * from shop_backfill ";

    private final JdbcClient jdbc;

    Backfills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A backfill as the job needs it: with its circuit and cursor. */
    record Running(Backfill backfill, long circuitId, String cursor, int failures) {
    }

    /** A new backfill, queued; empty when another is already queued or running for the connection. */
    Optional<Long> queue(long circuitId, long connectionId, LocalDate from, LocalDate to, boolean withPoints,
                         String requestedBy) {
        return jdbc.sql("""
                        insert into shop_backfill (circuit_id, connection_id, from_date, to_date, with_points, status,
                                                   phase, requested_by)
                        values (:c, :conn, :from, :to, :points, 'QUEUED', 'CUSTOMERS', :by)
                        on conflict (connection_id) where status in ('QUEUED', 'RUNNING') do nothing returning id""")
                .param("c", circuitId).param("conn", connectionId).param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).param("points", withPoints).param("by", requestedBy)
                .query(Long.class).optional();
    }

    /** Queues a failed backfill again: it resumes at its cursor. */
    boolean resume(long id) {
        return jdbc.sql("update shop_backfill set status = 'QUEUED', error = null, failures = 0, updated_at = now() "
                        + "where id = :id and status = 'FAILED' and not exists (select 1 from shop_backfill o "
                        + "where o.connection_id = shop_backfill.connection_id and o.status in ('QUEUED', 'RUNNING'))")
                .param("id", id).update() > 0;
    }

    Optional<Backfill> find(long connectionId, long id) {
        return jdbc.sql(SELECT + "where id = :id and connection_id = :conn").param("id", id).param("conn", connectionId)
                .query((rs, n) -> backfill(rs)).optional();
    }

    List<Backfill> of(long connectionId, int limit) {
        return jdbc.sql(SELECT + "where connection_id = :conn order by id desc limit :limit")
                .param("conn", connectionId).param("limit", limit).query((rs, n) -> backfill(rs)).list();
    }

    Optional<Backfill> active(long connectionId) {
        return jdbc.sql(SELECT + "where connection_id = :conn and status in ('QUEUED', 'RUNNING')")
                .param("conn", connectionId).query((rs, n) -> backfill(rs)).optional();
    }

    /** The last failed backfill of the connection for exactly this period and choice of points. */
    Optional<Backfill> failed(long connectionId, LocalDate from, LocalDate to, boolean withPoints) {
        return jdbc.sql(SELECT + "where connection_id = :conn and status = 'FAILED' and from_date = :from "
                        + "and to_date = :to and with_points = :points order by id desc limit 1")
                .param("conn", connectionId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("points", withPoints).query((rs, n) -> backfill(rs)).optional();
    }

    List<Long> unfinished() {
        return jdbc.sql("select id from shop_backfill where status in ('QUEUED', 'RUNNING') order by id")
                .query(Long.class).list();
    }

    /** Locks a backfill still to be read for one step; empty when it is over. */
    Optional<Running> lock(long id) {
        return jdbc.sql(SELECT + "where id = :id and status in ('QUEUED', 'RUNNING') for update").param("id", id)
                .query((rs, n) -> new Running(backfill(rs), rs.getLong("circuit_id"), rs.getString("cursor"),
                        rs.getInt("failures")))
                .optional();
    }

    /** What one page added, with the cursor after it, in the page's transaction. */
    record Advance(BackfillPhase phase, String cursor, int done, Integer total, int customers, int members, int orders,
                   int purchases, int skipped, boolean finished) {
    }

    void advance(long id, Advance a, Instant now) {
        jdbc.sql("""
                        update shop_backfill set status = :status, phase = :phase, cursor = :cursor, done = :done,
                               total = :total, customers = customers + :customers, members = members + :members,
                               orders = orders + :orders, purchases = purchases + :purchases,
                               skipped = skipped + :skipped, failures = 0, error = null, updated_at = :now,
                               finished_at = :finishedAt
                         where id = :id""")
                .param("status", a.finished() ? BackfillStatus.DONE.name() : BackfillStatus.RUNNING.name())
                .param("phase", a.phase().name()).param("cursor", a.cursor()).param("done", a.done())
                .param("total", a.total()).param("customers", a.customers()).param("members", a.members())
                .param("orders", a.orders()).param("purchases", a.purchases()).param("skipped", a.skipped())
                .param("now", Timestamp.from(now)).param("finishedAt", a.finished() ? Timestamp.from(now) : null)
                .param("id", id).update();
    }

    /** A round that could not read: counted, and the backfill fails when the problem lasts. */
    void problem(long id, String error, boolean fail, Instant now) {
        jdbc.sql("update shop_backfill set status = case when :fail then 'FAILED' else 'RUNNING' end, "
                        + "failures = failures + 1, error = :error, updated_at = :now where id = :id")
                .param("fail", fail).param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    private static Backfill backfill(ResultSet rs) throws SQLException {
        return new Backfill(rs.getLong("id"), rs.getLong("connection_id"), rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class), rs.getBoolean("with_points"),
                BackfillStatus.valueOf(rs.getString("status")), BackfillPhase.valueOf(rs.getString("phase")),
                rs.getInt("done"), (Integer) rs.getObject("total"), rs.getInt("customers"), rs.getInt("members"),
                rs.getInt("orders"), rs.getInt("purchases"), rs.getInt("skipped"), rs.getString("error"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
