package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.Inbox;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

@Service
@Transactional
class MemberInbox implements Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    MemberInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Message> latest(long circuitId, long memberId, int limit) {
        return jdbc.sql("select id, kind, subject, body, created_at, read_at from member_message "
                        + "where circuit_id = :c and member_id = :m order by id desc limit :n")
                .param("c", circuitId).param("m", memberId).param("n", Math.clamp(limit, 1, 200))
                .query((rs, n) -> new Message(rs.getLong(1), NotificationKind.read(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long unread(long circuitId, long memberId) {
        return jdbc.sql("select count(*) from member_message where circuit_id = :c and member_id = :m "
                        + "and read_at is null").param("c", circuitId).param("m", memberId).query(Long.class).single();
    }

    @Override
    public void markRead(long circuitId, long memberId, long messageId) {
        int found = jdbc.sql("update member_message set read_at = coalesce(read_at, :now) where circuit_id = :c "
                        + "and member_id = :m and id = :id")
                .param("now", Timestamp.from(clock.instant())).param("c", circuitId).param("m", memberId)
                .param("id", messageId).update();
        if (found == 0) {
            throw new NotFound("Message", messageId);
        }
    }

    @Override
    public void markAllRead(long circuitId, long memberId) {
        jdbc.sql("update member_message set read_at = :now where circuit_id = :c and member_id = :m "
                        + "and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("c", circuitId).param("m", memberId).update();
    }
}
