package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.Notice;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.Notifications;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's notification is written with the fact it tells about: rolled back with it, or kept in the outbox until
 * the SMTP server takes it, across a server outage and a restart of the sender, and sent once. The outboxes under
 * test run days ahead of the application's own, so only they see the message.
 */
class NotificationsSurviveAnSmtpOutageTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Notifications notifications;

    private long member(World w, String email) {
        w.asAdmin().put("/api/v1/notifications/POINTS_EARNED", Map.of("enabled", true));
        return w.enrol(w.asAdmin(), Map.of("firstName", "Luca", "email", email, "consents",
                List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1")))).path("id").asLong();
    }

    private static Notice earned(World w, long member, String key) {
        return new Notice(w.circuitId, member, NotificationKind.POINTS_EARNED, key, Map.of(Shortcode.POINTS, "7"));
    }

    private MailOutbox outbox(JavaMailSender smtp, Instant at) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("smtp", smtp);
        return new MailOutbox(jdbc, tx, beans.getBeanProvider(JavaMailSender.class), Clock.fixed(at, ZoneOffset.UTC),
                "test@localhost", new Meters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    @Test
    void aNotificationRolledBackWithItsFactIsNeverSent() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("rollback") + "@member.test";
        long member = member(w, email);
        tx.executeWithoutResult(status -> {
            assertThat(notifications.tell(earned(w, member, "rollback:1"))).isTrue();
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :r").param("r", email)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from member_message where member_id = :m").param("m", member)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNotificationQueuedWhileTheServerIsDownIsSentOnceWhenItIsBack() throws Exception {
        World w = fixtures.world(api);
        String email = Fixtures.unique("outage") + "@member.test";
        long member = member(w, email);
        Instant later = Instant.now().plus(Duration.ofDays(30));
        tx.executeWithoutResult(status -> {
            notifications.tell(earned(w, member, "outage:1"));
            assertThat(notifications.tell(earned(w, member, "outage:1"))).as("told once").isFalse();
            jdbc.sql("update mail_outbox set next_attempt_at = :due where recipient = :r")
                    .param("due", Timestamp.from(later)).param("r", email).update();
        });
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("127.0.0.1");
        down.setPort(closedPort);
        outbox(down, later.plus(Duration.ofMinutes(1))).sendDue();
        var row = jdbc.sql("select attempts, sent_at, next_attempt_at from mail_outbox where recipient = :r")
                .param("r", email).query().singleRow();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("sent_at")).isNull();
        assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).as("retried later")
                .isAfter(later.plus(Duration.ofMinutes(1)));

        JavaMailSenderImpl up = new JavaMailSenderImpl();
        up.setHost("127.0.0.1");
        up.setPort(TestMail.port());
        var mail = TestMail.nextTo(email, () -> outbox(up, later.plus(Duration.ofDays(1))).sendDue());
        outbox(up, later.plus(Duration.ofDays(2))).sendDue();
        assertThat(TestMail.subject(mail)).contains("7");
        assertThat(TestMail.countTo(email)).as("sent once").isEqualTo(1);
    }
}
