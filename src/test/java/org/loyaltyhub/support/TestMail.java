package org.loyaltyhub.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free local port, shared by the tests' application; it keeps what it receives. */
public final class TestMail {

    private static final GreenMail SMTP = start();

    private TestMail() {
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    public static int port() {
        return SMTP.getSmtp().getPort();
    }

    /** An account clients may sign in to the server with (clients that do not sign in are still accepted). */
    public static void account(String login, String password) {
        SMTP.setUser(login + "@smtp.test", login, password);
    }

    /** The last message received for the address, waiting up to 10 s for a first one. */
    public static MimeMessage lastTo(String address) {
        return waitFor(address, 0);
    }

    /**
     * The message that {@code action} causes to be sent to the address (e-mails leave through the outbox, after the
     * request): waits up to 10 s for one more message than the address had before.
     */
    public static MimeMessage nextTo(String address, Runnable action) {
        int before = countTo(address);
        action.run();
        return waitFor(address, before);
    }

    /**
     * The message with this subject that {@code action} causes to be sent to the address, when others (an invoice, a
     * confirmation) may arrive with it: waits up to 10 s for one more such message than the address had before.
     */
    public static MimeMessage nextTo(String address, String subject, Runnable action) {
        java.util.function.Predicate<MimeMessage> titled = m -> subject.equals(subject(m));
        int before = (int) Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(address)).filter(titled).count();
        action.run();
        return waitFor(address, titled, before);
    }

    private static MimeMessage waitFor(String address, int moreThan) {
        return waitFor(address, m -> true, moreThan);
    }

    private static MimeMessage waitFor(String address, java.util.function.Predicate<MimeMessage> which, int moreThan) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            int received = SMTP.getReceivedMessages().length;
            java.util.List<MimeMessage> to = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> recipient(m).equalsIgnoreCase(address)).filter(which).toList();
            if (to.size() > moreThan) {
                return to.getLast();
            }
            long left = Duration.between(Instant.now(), until).toMillis();
            if (left <= 0) {
                throw new AssertionError("no e-mail arrived for " + address);
            }
            SMTP.waitForIncomingEmail(left, received + 1);
        }
    }

    public static int countTo(String address) {
        return (int) Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address)).count();
    }

    /** The first link in the message's text that contains the given path. */
    public static String link(MimeMessage message, String pathPart) {
        Matcher m = Pattern.compile("https?://\\S+").matcher(text(message));
        while (m.find()) {
            if (m.group().contains(pathPart)) {
                return m.group();
            }
        }
        throw new AssertionError("no link with " + pathPart + " in: " + text(message));
    }

    /** The message's text: its body, or the plain-text part of a message with an HTML part beside it. */
    public static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.internet.MimeMultipart parts) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                var part = parts.getBodyPart(i);
                if (part.getContent() instanceof jakarta.mail.internet.MimeMultipart) {
                    out.append(text(part.getContent()));
                } else if (part.isMimeType("text/plain")) {
                    out.append(part.getContent());
                }
            }
            return out.toString();
        }
        return content.toString();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
