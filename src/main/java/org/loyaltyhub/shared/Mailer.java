package org.loyaltyhub.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues the transactional e-mails (password resets, sign-up confirmations, sign-in links) in the outbox, in the
 * transaction of the change that asks for them: the request answers without waiting for the SMTP server (so its
 * timing tells nothing), and a message is sent only if that change committed. {@link MailOutbox} sends them.
 */
@Component
public class Mailer {

    private final JdbcClient jdbc;

    Mailer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plain-text message to one recipient. */
    public record Mail(String to, String subject, String text) {
    }

    public void send(Mail mail) {
        jdbc.sql("insert into mail_outbox (recipient, subject, body) values (:to, :subject, :body)")
                .param("to", mail.to()).param("subject", mail.subject()).param("body", mail.text()).update();
    }
}
