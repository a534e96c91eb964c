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

    /** A file sent with a message, such as a booking's calendar entry ({@code text/calendar}). */
    public record Attachment(String name, String contentType, byte[] content) {

        public Attachment {
            if (name == null || name.isBlank() || contentType == null || content == null) {
                throw new IllegalArgumentException("An attachment needs a name, a content type and content");
            }
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /**
     * Queues the message only when {@code really}, with the same statement either way: a link asked for an address
     * without an account costs the request what a real one costs, so its timing does not tell them apart.
     */
    public void sendIf(boolean really, Mail mail) {
        jdbc.sql("insert into mail_outbox (recipient, subject, body) select :to, :subject, :body where :really")
                .param("to", mail.to()).param("subject", mail.subject()).param("body", mail.text())
                .param("really", really).update();
    }

    /** Queues the message; returns its id in the outbox (a campaign follows whether it went out). */
    public long send(RichMail mail) {
        return send(mail, null);
    }

    /** A message with one attachment (null: none); returns its id in the outbox. */
    public long send(RichMail mail, Attachment attachment) {
        return jdbc.sql("insert into mail_outbox (recipient, subject, body, html_body, list_unsubscribe, attachment_name, "
                        + "attachment_type, attachment) values (:to, :subject, :body, :html, :unsubscribe, :name, "
                        + ":type, :content) returning id")
                .param("to", mail.to()).param("subject", mail.subject()).param("body", mail.text())
                .param("html", mail.html()).param("unsubscribe", mail.unsubscribeUrl())
                .param("name", attachment == null ? null : attachment.name())
                .param("type", attachment == null ? null : attachment.contentType())
                .param("content", attachment == null ? null : attachment.content()).query(Long.class).single();
    }
}
