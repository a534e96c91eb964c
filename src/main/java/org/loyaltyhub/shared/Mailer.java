package org.loyaltyhub.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the transactional e-mails (password resets, sign-up confirmations, sign-in links) through the SMTP server
 * configured with {@code spring.mail.*}. Without one, as on a first local run, the message is written to the log
 * instead, so a newcomer can still follow the link.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${loyaltyhub.mail.from:LoyaltyHub <no-reply@localhost>}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Sends a plain-text message; returns false (and logs why) when the SMTP server refused it. */
    public boolean send(String to, String subject, String text) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.warn("No SMTP server is configured (spring.mail.host): this e-mail to {} was not sent.\nSubject: {}\n\n{}",
                    to, subject, text);
            return true;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            smtp.send(message);
            return true;
        } catch (MailException e) {
            log.error("Could not send the e-mail '{}' to {}: {}", subject, to, e.getMessage());
            return false;
        }
    }
}
