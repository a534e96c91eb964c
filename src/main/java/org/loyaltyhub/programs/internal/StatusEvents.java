package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MemberStatusChanged;
import org.loyaltyhub.programs.StatusEventKind;
import org.loyaltyhub.programs.StatusHistory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Records each change of a member's status with its reason, in the transaction of the change, and publishes it
 * ({@link MemberStatusChanged}) for messages and analytics.
 */
@Component
public class StatusEvents implements StatusHistory {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatusEvents(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a change. {@code refId} names the tier, badge or membership it is about; {@code reason} explains it
     * ("Gold since 2026-03-02: 1,520 points in 12 months").
     */
    public long record(long circuitId, long memberId, StatusEventKind kind, String from, String to, Long refId,
                       String reason, String actor) {
        long id = jdbc.sql("""
                        insert into member_status_event (circuit_id, member_id, kind, from_label, to_label, ref_id,
                                                         reason, actor, at)
                        values (:c, :m, :kind, :from, :to, :ref, :reason, :actor, :at) returning id
                        """)
                .param("c", circuitId).param("m", memberId).param("kind", kind.name()).param("from", from)
                .param("to", to).param("ref", refId).param("reason", reason).param("actor", actor)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new MemberStatusChanged(circuitId, memberId, id, kind, from, to, reason));
        return id;
    }

    @Override
    public List<StatusEvent> latest(long circuitId, long memberId, int limit) {
        return jdbc.sql("""
                        select * from member_status_event where circuit_id = :c and member_id = :m
                         order by at desc, id desc limit :limit
                        """)
                .param("c", circuitId).param("m", memberId).param("limit", limit)
                .query((rs, n) -> new StatusEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        StatusEventKind.valueOf(rs.getString("kind")), rs.getString("from_label"),
                        rs.getString("to_label"), rs.getString("reason"), rs.getString("actor")))
                .list();
    }
}
