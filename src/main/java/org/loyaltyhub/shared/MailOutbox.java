package org.loyaltyhub.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends the queued e-mails through the SMTP server configured with {@code spring.mail.*}; without one, as on a first
 * local run, each message is written to the log instead, so a newcomer can still follow the link. Each node takes
 * messages no other node holds (row locks, skip locked) and marks them sent in the same transaction, so a message
 * goes out once, or twice if a node dies between the SMTP server's acceptance and the commit. SMTP has no way to ask
 * a server whether it took a message, and a sign-in link or a booking's confirmation that never arrives is worse than
 * one that arrives twice, so the outbox keeps delivering at least once (unlike SMS, see the marketing module's
 * SmsSender) and gives every row one Message-ID ({@link #messageId}): a message sent again after a crash is the same
 * message to the receiving side, which shows it once. A refused message is retried later, less and less often, and
 * given up after {@value #ATTEMPTS} attempts.
 */
@Component
class MailOutbox {

    static final int ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;
    private final Meters meters;

    MailOutbox(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<JavaMailSender> sender, Clock clock,
               @Value("${loyaltyhub.mail.from:LoyaltyHub <no-reply@localhost>}") String from, Meters meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.tx = tx;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    private record Queued(long id, String to, String subject, String body, String html, String unsubscribe,
                          int attempts, Mailer.Attachment attachment) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.mail.send-interval:PT1S}", initialDelayString = "PT1S")
    void sendDue() {
        Integer sent;
        do {
            sent = tx.execute(status -> sendBatch());
        } while (sent != null && sent == 20);
    }

    private int sendBatch() {
        List<Queued> due = jdbc.sql("select id, recipient, subject, body, html_body, list_unsubscribe, attempts, attachment_name, "
                        + "attachment_type, attachment from mail_outbox where sent_at is null "
                        + "and failed_at is null and next_attempt_at <= :now order by id limit 20 for update skip locked")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Queued(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("html_body"), rs.getString("list_unsubscribe"),
                        rs.getInt("attempts"), rs.getString("attachment_name") == null ? null
                                : new Mailer.Attachment(rs.getString("attachment_name"),
                                rs.getString("attachment_type"), rs.getBytes("attachment"))))
                .list();
        due.forEach(this::send);
        return due.size();
    }

    private void send(Queued mail) {
        try {
            deliver(mail);
            jdbc.sql("update mail_outbox set sent_at = :now, attempts = attempts + 1, last_error = null where id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", mail.id()).update();
            meters.mail(Meters.SendOutcome.SENT);
        } catch (MailException | IllegalStateException | jakarta.mail.MessagingException e) {
            boolean last = mail.attempts() + 1 >= ATTEMPTS;
            log.error("Could not send e-mail {} to {} (attempt {}{}): {}", mail.id(), Masked.email(mail.to()),
                    mail.attempts() + 1, last ? ", giving up" : "",
                    String.valueOf(e.getMessage()).replace(mail.to(), Masked.email(mail.to())));
            Duration later = Duration.ofSeconds(Math.min(3600, 15L << mail.attempts()));
            jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next, "
                            + "failed_at = cast(:failed as timestamptz) where id = :id")
                    .param("error", String.valueOf(e.getMessage()))
                    .param("next", Timestamp.from(clock.instant().plus(later)))
                    .param("failed", last ? Timestamp.from(clock.instant()) : null).param("id", mail.id()).update();
            meters.mail(last ? Meters.SendOutcome.GIVEN_UP : Meters.SendOutcome.FAILED);
        }
    }

    private void deliver(Queued mail) throws jakarta.mail.MessagingException {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            // the address and text are personal data: the log shows neither (the outbox row keeps them, erasable)
            log.warn("No SMTP server is configured (spring.mail.host): e-mail {} to {} ({} characters) was not sent",
                    mail.id(), Masked.email(mail.to()), mail.body().length());
            return;
        }
        jakarta.mail.internet.MimeMessage message;
        if (mail.html() != null || mail.attachment() != null) {
            message = rich(smtp, mail);
        } else {
            message = smtp.createMimeMessage();
            MimeMessageHelper plain = new MimeMessageHelper(message, false, "UTF-8");
            plain.setFrom(from);
            plain.setTo(mail.to());
            plain.setSubject(mail.subject());
            plain.setText(mail.body());
        }
        message.setHeader("Message-ID", messageId(mail.id(), from));
        smtp.send(message);
    }

    /** The row's own Message-ID (RFC 5322), the same on every attempt: {@code <outbox-42@example.org>}. */
    static String messageId(long outboxId, String from) {
        String address = from.contains("<") ? from.substring(from.lastIndexOf('<') + 1).replace(">", "") : from;
        String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1).strip() : "localhost";
        return "<outbox-" + outboxId + "@" + (domain.isEmpty() ? "localhost" : domain) + ">";
    }

    /** Text and HTML as alternatives (and the attachment, if any), with the one-click unsubscribe headers of RFC 8058 when the message has one. */
    private jakarta.mail.internet.MimeMessage rich(JavaMailSender smtp, Queued mail)
            throws jakarta.mail.MessagingException {
        jakarta.mail.internet.MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        if (mail.html() != null) {
            helper.setText(mail.body(), mail.html());
        } else {
            helper.setText(mail.body());
        }
        if (mail.attachment() != null) {
            helper.addAttachment(mail.attachment().name(),
                    new org.springframework.core.io.ByteArrayResource(mail.attachment().content()),
                    mail.attachment().contentType());
        }
        if (mail.unsubscribe() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
