package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the SMTP server does not take stays queued and is tried again later, less and less often, then given
 * up; it is never lost silently. The outbox under test runs days ahead of the application's own, so only it sees the
 * message.
 */
class MailOutboxRetriesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aMessageTheServerRefusesIsRetriedLaterAndGivenUpAfterEightAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl deadServer = new JavaMailSenderImpl();
        deadServer.setHost("127.0.0.1");
        deadServer.setPort(closedPort);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("smtp", deadServer);
        Instant later = Instant.now().plus(Duration.ofDays(30));
        long id = jdbc.sql("insert into mail_outbox (recipient, subject, body, next_attempt_at) "
                        + "values ('late@member.test', 'Hello', 'Text', :due) returning id")
                .param("due", Timestamp.from(later)).query(Long.class).single();

        for (int attempt = 1; attempt <= MailOutbox.ATTEMPTS; attempt++) {
            Instant now = later.plus(Duration.ofDays(attempt));
            new MailOutbox(jdbc, tx, beans.getBeanProvider(JavaMailSender.class), Clock.fixed(now, ZoneOffset.UTC),
                    "test@localhost", new Meters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).sendDue();
            var row = jdbc.sql("select attempts, sent_at, failed_at, next_attempt_at, last_error from mail_outbox "
                    + "where id = :id").param("id", id).query().singleRow();
            assertThat(row.get("attempts")).isEqualTo(attempt);
            assertThat(row.get("sent_at")).isNull();
            assertThat(row.get("last_error")).isNotNull();
            if (attempt < MailOutbox.ATTEMPTS) {
                assertThat(row.get("failed_at")).isNull();
                assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isAfter(now);
            } else {
                assertThat(row.get("failed_at")).as("given up").isNotNull();
            }
        }
    }

    @Test
    void aMessageSentAgainAfterACrashBeforeItsCommitCarriesTheSameMessageId() throws Exception {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(org.loyaltyhub.support.TestMail.port());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("smtp", smtp);
        Instant later = Instant.now().plus(Duration.ofDays(40));
        String to = org.loyaltyhub.support.Fixtures.unique("twice") + "@member.test";
        long id = jdbc.sql("insert into mail_outbox (recipient, subject, body, next_attempt_at) "
                        + "values (:to, 'Your link', 'Text', :due) returning id")
                .param("to", to).param("due", Timestamp.from(later)).query(Long.class).single();
        MailOutbox outbox = new MailOutbox(jdbc, tx, beans.getBeanProvider(JavaMailSender.class),
                Clock.fixed(later.plusSeconds(1), ZoneOffset.UTC), "LoyaltyHub <no-reply@loyalty.example>",
                new Meters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

        jakarta.mail.internet.MimeMessage first = org.loyaltyhub.support.TestMail.nextTo(to, outbox::sendDue);
        // the node died after the server's acceptance: its commit never happened
        jdbc.sql("update mail_outbox set sent_at = null, attempts = 0 where id = :id").param("id", id).update();
        jakarta.mail.internet.MimeMessage again = org.loyaltyhub.support.TestMail.nextTo(to, outbox::sendDue);

        assertThat(first.getMessageID()).isEqualTo("<outbox-" + id + "@loyalty.example>");
        assertThat(again.getMessageID()).as("the same message to the receiver").isEqualTo(first.getMessageID());
    }
}
