package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.SegmentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Funnels and their runs, in SQL. */
@Repository
public class FunnelStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final org.loyaltyhub.programs.internal.CircuitFeatures features;

    FunnelStore(JdbcClient jdbc, org.loyaltyhub.programs.internal.CircuitFeatures features) {
        this.jdbc = jdbc;
        this.features = features;
    }

    /** One member's way through a funnel for one occurrence of its trigger. */
    public record Run(long id, long circuitId, long funnelId, long memberId, String occurrence, Funnel.RunState state,
                      Instant enteredAt, Instant dueAt, Instant doneAt, String detail) {
    }

    public long insert(long circuitId, Funnel f) {
        features.changed(circuitId); // an active purchase funnel makes purchases look for funnels
        return jdbc.sql("insert into funnel (circuit_id, name, status, definition) values (:c, :n, :s, cast(:d as jsonb)) "
                        + "returning id")
                .param("c", circuitId).param("n", f.name()).param("s", f.status().name())
                .param("d", JSON.writeValueAsString(FunnelInput.of(f))).query(Long.class).single();
    }

    public void update(long circuitId, long id, Funnel f) {
        features.changed(circuitId);
        jdbc.sql("update funnel set name = :n, status = :s, definition = cast(:d as jsonb), updated_at = now() "
                        + "where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).param("n", f.name()).param("s", f.status().name())
                .param("d", JSON.writeValueAsString(FunnelInput.of(f))).update();
    }

    public Optional<Funnel> find(long circuitId, long id) {
        return jdbc.sql("select * from funnel where circuit_id = :c and id = :id").param("c", circuitId).param("id", id)
                .query((rs, n) -> funnel(rs)).optional();
    }

    /** The circuit's funnels (any status) that filter on the segment, by id. */
    public List<SegmentUsers.SegmentUse> targeting(long circuitId, long segmentId) {
        return jdbc.sql("select id, name from funnel where circuit_id = :c "
                        + "and definition -> 'filters' ->> 'segmentId' = :s order by id")
                .param("c", circuitId).param("s", String.valueOf(segmentId))
                .query((rs, n) -> new SegmentUsers.SegmentUse(SegmentUsers.SegmentUse.Kind.FUNNEL, rs.getLong("id"),
                        rs.getString("name"))).list();
    }

    public List<Funnel> all(long circuitId) {
        return jdbc.sql("select * from funnel where circuit_id = :c order by id").param("c", circuitId)
                .query((rs, n) -> funnel(rs)).list();
    }

    /** The circuit's active funnels with a trigger of this kind. */
    public List<Funnel> active(long circuitId, Funnel.Kind kind) {
        return jdbc.sql("select * from funnel where circuit_id = :c and status = 'ACTIVE' and definition -> 'trigger' "
                        + "->> 'type' = :k order by id")
                .param("c", circuitId).param("k", kind.name()).query((rs, n) -> funnel(rs)).list();
    }

    private static Funnel funnel(java.sql.ResultSet rs) throws java.sql.SQLException {
        return JSON.readValue(rs.getString("definition"), FunnelInput.class)
                .toFunnel(rs.getLong("id"), Promotion.Status.valueOf(rs.getString("status")));
    }

    /** Enters the member once per occurrence: the run's id, or empty when the member entered for it before. */
    public Optional<Long> enter(long circuitId, long funnelId, long memberId, String occurrence, Instant at, Instant due) {
        return jdbc.sql("insert into funnel_run (circuit_id, funnel_id, member_id, occurrence, state, entered_at, due_at) "
                        + "values (:c, :f, :m, :o, 'WAITING', :at, :due) on conflict do nothing returning id")
                .param("c", circuitId).param("f", funnelId).param("m", memberId).param("o", occurrence)
                .param("at", Timestamp.from(at)).param("due", Timestamp.from(due)).query(Long.class).optional();
    }

    /** Runs due by {@code asOf}, oldest first. */
    public List<Run> due(Instant asOf, int limit) {
        return jdbc.sql("select * from funnel_run where state = 'WAITING' and due_at <= :at order by due_at, id limit :n")
                .param("at", Timestamp.from(asOf)).param("n", limit).query((rs, n) -> run(rs)).list();
    }

    /** The run locked until the transaction ends, so two nodes never settle it twice. */
    public Optional<Run> lock(long runId) {
        return jdbc.sql("select * from funnel_run where id = :id for update").param("id", runId)
                .query((rs, n) -> run(rs)).optional();
    }

    public void settle(Run r, Funnel.RunState state, Instant at, String detail) {
        jdbc.sql("update funnel_run set state = :s, done_at = :at, detail = :d where id = :id")
                .param("s", r.state().settle(state == Funnel.RunState.ACTED).name()).param("at", Timestamp.from(at))
                .param("d", detail).param("id", r.id()).update();
    }

    /** The funnel's log, newest first, for one member or all. */
    public List<Run> runs(long circuitId, long funnelId, Long memberId, int limit) {
        return jdbc.sql("select * from funnel_run where circuit_id = :c and funnel_id = :f and (cast(:m as bigint) is null "
                        + "or member_id = :m) order by entered_at desc, id desc limit :n")
                .param("c", circuitId).param("f", funnelId).param("m", memberId).param("n", limit)
                .query((rs, n) -> run(rs)).list();
    }

    /** Whether the member made a purchase since {@code since}, other than {@code except} (null: none). */
    public boolean purchasedSince(long memberId, Instant since, Long except) {
        return jdbc.sql("select exists (select 1 from purchase where member_id = :m and occurred_at >= :since "
                        + "and id <> coalesce(cast(:except as bigint), -1))")
                .param("m", memberId).param("since", Timestamp.from(since)).param("except", except)
                .query(Boolean.class).single();
    }

    /** Whether the purchase has been cancelled or refunded in full since. */
    public boolean voided(long purchaseId) {
        return jdbc.sql("select exists (select 1 from purchase where id = :p and status in ('CANCELLED', 'REFUNDED'))")
                .param("p", purchaseId).query(Boolean.class).single();
    }

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new Run(rs.getLong("id"), rs.getLong("circuit_id"), rs.getLong("funnel_id"), rs.getLong("member_id"),
                rs.getString("occurrence"), Funnel.RunState.valueOf(rs.getString("state")),
                rs.getTimestamp("entered_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                done == null ? null : done.toInstant(), rs.getString("detail"));
    }
}
