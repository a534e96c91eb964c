package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.SmsSegments;
import org.loyaltyhub.marketing.SmsStatus;
import org.loyaltyhub.members.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A notification's SMS, queued in the transaction of the fact (a fact rolled back queues nothing) for
 * {@link SmsSender}, which sends it at most once like a company's. The circuit pays it through its own gateway: it is
 * written with no company (so no company's credits are debited, and a failed one gives nothing back) and with the
 * notification's kind, once per member and business key.
 */
@Component
public class NotificationSms {

    private static final Logger log = LoggerFactory.getLogger(NotificationSms.class);
    private static final int MAX_BODY = 1600;

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationSms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A notification SMS as the circuit sees it in its SMS log. */
    public record Line(long id, long memberId, NotificationKind kind, String phone, String body, int segments,
                       SmsStatus status, Instant createdAt, Instant sentAt, String error) {
    }

    /** Whether the member can get the SMS: a phone in E.164 form and the consent the kind needs. */
    static boolean reaches(Member member, NotificationKind kind) {
        return member.phone() != null && member.phone().matches("\\+[1-9][0-9]{6,14}")
                && ConsentRule.allows(kind.audience(), member.consents());
    }

    /** Queues the text for the member, once per business key; false when it was queued before or is too long. */
    boolean queue(long circuitId, Member member, NotificationKind kind, String businessKey, String text) {
        if (text.isBlank()) {
            return false;
        }
        SmsSegments segments = SmsSegments.of(text);
        if (segments.segments() > SmsSegments.MAX_SEGMENTS || text.length() > MAX_BODY) {
            log.warn("Notification {} for member {}: the SMS would take {} segments, not sent", kind, member.id(),
                    segments.segments());
            return false;
        }
        return jdbc.sql("""
                        insert into sms_message (circuit_id, company_id, notification_kind, member_id, send_key, phone,
                            body, segments, status, created_at)
                        values (:c, null, :kind, :m, :key, :phone, :body, :segments, 'QUEUED', :at)
                        on conflict (circuit_id, send_key, member_id) where company_id is null do nothing""")
                .param("c", circuitId).param("kind", kind.name()).param("m", member.id())
                .param("key", sendKey(businessKey)).param("phone", member.phone()).param("body", text)
                .param("segments", segments.segments()).param("at", Timestamp.from(clock.instant())).update() == 1;
    }

    /** The business key as an SMS send key (at most 100 characters: a longer one is hashed). */
    static String sendKey(String businessKey) {
        if (businessKey.length() <= 100) {
            return businessKey;
        }
        try {
            return "notice:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(businessKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The circuit's notification SMS, newest first. */
    List<Line> recent(long circuitId, int limit) {
        return jdbc.sql("select id, member_id, notification_kind, phone, body, segments, status, created_at, sent_at, "
                        + "error from sms_message where circuit_id = :c and company_id is null order by id desc limit :n")
                .param("c", circuitId).param("n", limit)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), NotificationKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6), SmsStatus.valueOf(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getString(10)))
                .list();
    }
}
