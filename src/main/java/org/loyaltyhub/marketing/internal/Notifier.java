package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.marketing.Channel;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.Notice;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.NotificationSetting;
import org.loyaltyhub.marketing.Notifications;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Tells members about facts: renders the circuit's template in the member's language (the circuit's when they have
 * none), keeps the message in their inbox, queues the e-mail in the outbox and, when the kind's SMS is on and the
 * member has a phone and the consent, the SMS ({@link NotificationSms}), all in the caller's transaction (the
 * fact's), so a crash after the fact committed still sends it and a fact rolled back sends nothing.
 */
@Component
public class Notifier implements Notifications {

    private final NotificationSettings settings;
    private final Members members;
    private final Tenancy tenancy;
    private final Ledger ledger;
    private final Programs programs;
    private final Mailer mailer;
    private final PublicUrl urls;
    private final UnsubscribeLinks unsubscribe;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationSms sms;

    Notifier(NotificationSettings settings, Members members, Tenancy tenancy, Ledger ledger, Programs programs,
             Mailer mailer, PublicUrl urls, UnsubscribeLinks unsubscribe, MessageSource messages, JdbcClient jdbc,
             Clock clock, NotificationSms sms) {
        this.sms = sms;
        this.settings = settings;
        this.members = members;
        this.tenancy = tenancy;
        this.ledger = ledger;
        this.programs = programs;
        this.mailer = mailer;
        this.urls = urls;
        this.unsubscribe = unsubscribe;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean mail(long circuitId, long memberId, String subject, String text, Mailer.Attachment attachment) {
        Member member = members.own(circuitId, memberId);
        if (member.email() == null || member.email().isBlank()) {
            return false;
        }
        Circuit circuit = tenancy.circuit(circuitId);
        mailer.send(mail(circuit, member.email(), new MessageTemplate.Rendered(subject, text),
                member.languageOr(circuit.defaultCountry()), urls.anywhere("/c/" + circuit.id() + "/my"), null),
                attachment);
        return true;
    }

    /** In the caller's transaction: the fact's, or a job item's. */
    @Override
    public boolean tell(Notice notice) {
        return tell(notice, null);
    }

    /** {@link #tell(Notice)}, the e-mail carrying a file (a booking's calendar entry). */
    public boolean tell(Notice notice, Mailer.Attachment attachment) {
        NotificationSetting setting = settings.of(notice.circuitId(), notice.kind());
        if (!setting.enabled()) {
            return false;
        }
        Member member = members.own(notice.circuitId(), notice.memberId());
        Circuit circuit = tenancy.circuit(notice.circuitId());
        Language language = member.languageOr(circuit.defaultCountry());
        Map<Shortcode, String> values = values(circuit, member, language);
        values.putAll(notice.values());
        MessageTemplate.Rendered message = settings.template(circuit.id(), notice.kind(), language, Channel.EMAIL)
                .render(values);
        if (deliver(circuit, member, language, notice.kind().name(), notice.kind().audience(), notice.businessKey(),
                message, values, attachment) == Delivery.ALREADY) {
            return false;
        }
        if (setting.sendsSms() && NotificationSms.reaches(member, notice.kind())) {
            String text = settings.smsTemplate(circuit.id(), notice.kind(), language).render(values);
            if (notice.kind().audience() == NotificationKind.Audience.MARKETING) {
                // a marketing SMS, like a marketing e-mail, says how to stop them: the member's signed link
                text = text + "\n" + messages.getMessage("notifications.sms.stop", null, language.locale()) + " "
                        + unsubscribe.url(circuit.id(), member.id());
            }
            sms.queue(circuit.id(), member, notice.kind(), notice.businessKey(), text);
        }
        return true;
    }

    /** How a message went: e-mailed (queued in the outbox), kept in the inbox only, or sent before under its key. */
    enum Delivery {
        EMAILED, INBOX_ONLY, ALREADY;

        String words() {
            return switch (this) {
                case EMAILED -> "message e-mailed";
                case INBOX_ONLY -> "message in the inbox only (no address or consent)";
                case ALREADY -> "message sent before";
            };
        }
    }

    /**
     * Keeps a rendered message in the member's inbox once per business key and queues its e-mail when the member has
     * an address and the consent its audience needs (a marketing message carries a one-click unsubscribe).
     */
    Delivery deliver(Circuit circuit, Member member, Language language, String kind, NotificationKind.Audience audience,
                     String businessKey, MessageTemplate.Rendered message, Map<Shortcode, String> values,
                     Mailer.Attachment attachment) {
        boolean email = member.email() != null && ConsentRule.allows(audience, member.consents());
        boolean told = jdbc.sql("""
                        insert into member_message (circuit_id, member_id, kind, business_key, subject, body, emailed, created_at)
                        values (:c, :m, :kind, :key, :subject, :body, :emailed, :at)
                        on conflict (circuit_id, business_key) do nothing""")
                .param("c", circuit.id()).param("m", member.id()).param("kind", kind)
                .param("key", businessKey).param("subject", message.subject()).param("body", message.text())
                .param("emailed", email).param("at", java.sql.Timestamp.from(clock.instant())).update() == 1;
        if (!told) {
            return Delivery.ALREADY;
        }
        if (!email) {
            return Delivery.INBOX_ONLY;
        }
        String unsubscribeUrl = audience == NotificationKind.Audience.MARKETING
                ? unsubscribe.url(circuit.id(), member.id()) : null;
        mailer.send(mail(circuit, member.email(), message, language, values.get(Shortcode.CUSTOMER_AREA_URL),
                unsubscribeUrl), attachment);
        return Delivery.EMAILED;
    }

    /** The language the member's messages are written in: theirs, else the circuit's. */
    Language languageOf(long circuitId, long memberId) {
        return members.own(circuitId, memberId).languageOr(tenancy.circuit(circuitId).defaultCountry());
    }

    /** An e-mail of a rendered message in the circuit's layout. */
    /** A message in the circuit's e-mail layout (logo, colour, customer area link, unsubscribe when given). */
    public Mailer.RichMail mail(Circuit circuit, String to, MessageTemplate.Rendered message, Language language,
                         String customerAreaUrl, String unsubscribeUrl) {
        String logo = circuit.logoUrl() == null ? null
                : circuit.logoUrl().startsWith("/") ? urls.anywhere(circuit.logoUrl()) : circuit.logoUrl();
        MailLayout.Frame frame = new MailLayout.Frame(circuit.name(), logo, settings.style(circuit.id()).colour(),
                customerAreaUrl, messages.getMessage("notifications.mail.customerArea", null, language.locale()),
                unsubscribeUrl, messages.getMessage("notifications.mail.unsubscribe", null, language.locale()));
        return new Mailer.RichMail(to, message.subject(), MailLayout.text(message.text(), frame),
                MailLayout.html(message.subject(), message.text(), frame), unsubscribeUrl);
    }

    /** The member's own values: name, card, balance and its value, the circuit and the customer area. */
    Map<Shortcode, String> values(Circuit circuit, Member member, Language language) {
        Map<Shortcode, String> v = new EnumMap<>(Shortcode.class);
        v.put(Shortcode.FIRST_NAME, member.firstName() == null ? "" : member.firstName());
        v.put(Shortcode.LAST_NAME, member.lastName() == null ? "" : member.lastName());
        v.put(Shortcode.CARD_NUMBER, member.card() == null ? "" : member.card().number());
        v.put(Shortcode.CIRCUIT_NAME, circuit.name());
        v.put(Shortcode.CUSTOMER_AREA_URL, urls.anywhere("/c/" + circuit.id() + "/my"));
        long balance = ledger.memberBalance(circuit.id(), member.id(), clock.instant()).available();
        v.put(Shortcode.BALANCE, points(balance, language));
        v.put(Shortcode.POINTS_VALUE, value(circuit, balance, language));
        return v;
    }

    static String points(long points, Language language) {
        return NumberFormat.getIntegerInstance(language.locale()).format(points);
    }

    private String value(Circuit circuit, long balance, Language language) {
        ProgramSettings p = programs.settings(circuit.id());
        BigDecimal amount = p.redeemValue().multiply(BigDecimal.valueOf(balance))
                .divide(BigDecimal.valueOf(p.redeemPoints()), 2, RoundingMode.DOWN);
        NumberFormat money = NumberFormat.getNumberInstance(language.locale());
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        return money.format(amount) + " " + circuit.currency();
    }
}
