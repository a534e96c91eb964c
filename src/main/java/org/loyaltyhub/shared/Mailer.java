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

    /**
     * A message with an HTML part beside the plain text; {@code unsubscribeUrl} (null for a transactional message)
     * becomes the one-click unsubscribe of RFC 8058 ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}).
     */
    public record RichMail(String to, String subject, String text, String html, String unsubscribeUrl) {
    }

    public void send(Mail mail) {
        send(new RichMail(mail.to(), mail.subject(), mail.text(), null, null));
    }

    /** Queues the message; returns its id in the outbox (a campaign follows whether it went out). */
    public long send(RichMail mail) {
        return jdbc.sql("insert into mail_outbox (recipient, subject, body, html_body, list_unsubscribe) "
                        + "values (:to, :subject, :body, :html, :unsubscribe) returning id")
                .param("to", mail.to()).param("subject", mail.subject()).param("body", mail.text())
                .param("html", mail.html()).param("unsubscribe", mail.unsubscribeUrl()).query(Long.class).single();
    }
}
