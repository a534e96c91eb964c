package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.Channel;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.NotificationSetting;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.marketing.SmsSegments;
import org.loyaltyhub.marketing.SmsSettlement;
import org.loyaltyhub.marketing.SmsStatus;
import org.loyaltyhub.marketing.SmsTemplate;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Operator;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The circuit administrator's side of notifications: switches (e-mail and SMS), templates per language and channel
 * (with the shipped default until one is written), the e-mail colour, a preview with a sample member, a test e-mail
 * to the administrator, and the log of the notification SMS the circuit paid.
 */
@Service
@Transactional
public class NotificationAdmin {

    private final NotificationSettings settings;
    private final Notifier notifier;
    private final Tenancy tenancy;
    private final Mailer mailer;

    private final NotificationSms sms;
    private final SmsSender sender;

    NotificationAdmin(NotificationSettings settings, Notifier notifier, Tenancy tenancy, Mailer mailer,
                      NotificationSms sms, SmsSender sender) {
        this.sms = sms;
        this.sender = sender;
        this.settings = settings;
        this.notifier = notifier;
        this.tenancy = tenancy;
        this.mailer = mailer;
    }

    /** A template as the editor shows it: the one in force and whether the circuit wrote it. */
    public record TemplateView(NotificationKind kind, Language language, Channel channel, MessageTemplate template,
                               boolean custom) {
    }

    /** A preview: subject, plain text and the HTML e-mail, for the sample member. */
    public record Preview(String subject, String text, String html) {
    }

    @Transactional(readOnly = true)
    public List<NotificationSetting> settings(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return settings.all(caller.circuit());
    }

    public NotificationSetting change(Caller caller, NotificationSetting setting) {
        caller.require(Role.CIRCUIT_ADMIN);
        settings.save(caller.circuit(), setting);
        return settings.of(caller.circuit(), setting.kind());
    }

    /** The setting of one kind (the default until the circuit sets it). */
    @Transactional(readOnly = true)
    public NotificationSetting setting(Caller caller, NotificationKind kind) {
        caller.require(Role.CIRCUIT_ADMIN);
        return settings.of(caller.circuit(), kind);
    }

    /**
     * A notification's SMS as the editor shows it: the text in force, whether the circuit wrote it, and the text for
     * the sample member with its length and SMS segments.
     */
    public record SmsTemplateView(NotificationKind kind, Language language, SmsTemplate template, boolean custom,
                                  SmsPreview sample) {
    }

    /** An SMS for the sample member: its text, characters and segments (what one SMS costs the circuit). */
    public record SmsPreview(String text, int length, int segments, SmsSegments.Encoding encoding) {
    }

    @Transactional(readOnly = true)
    public SmsTemplateView smsTemplate(Caller caller, NotificationKind kind, Language language) {
        caller.require(Role.CIRCUIT_ADMIN);
        return smsView(tenancy.circuit(caller.circuit()), kind, language);
    }

    /** Writes the SMS in a language; refused when the sample member's text would take more than 10 segments. */
    public SmsTemplateView saveSmsTemplate(Caller caller, NotificationKind kind, Language language, SmsTemplate t) {
        SmsPreview preview = smsPreview(caller, kind, language, t);
        if (preview.segments() > SmsSegments.MAX_SEGMENTS) {
            throw new InvalidInput("body", "For the sample member the text takes " + preview.segments()
                    + " SMS segments; at most " + SmsSegments.MAX_SEGMENTS);
        }
        settings.saveSmsTemplate(caller.circuit(), kind, language, t);
        return smsView(tenancy.circuit(caller.circuit()), kind, language);
    }

    public SmsTemplateView resetSmsTemplate(Caller caller, NotificationKind kind, Language language) {
        caller.require(Role.CIRCUIT_ADMIN);
        settings.resetTemplate(caller.circuit(), kind, language, Channel.SMS);
        return smsView(tenancy.circuit(caller.circuit()), kind, language);
    }

    /** The SMS (as typed, not yet saved) for a sample member, with its length and segments. */
    public SmsPreview smsPreview(Caller caller, NotificationKind kind, Language language, SmsTemplate t) {
        caller.require(Role.CIRCUIT_ADMIN);
        return smsPreview(tenancy.circuit(caller.circuit()), t);
    }

    private SmsTemplateView smsView(Circuit circuit, NotificationKind kind, Language language) {
        var custom = settings.customSms(circuit.id(), kind, language);
        SmsTemplate t = custom.orElseGet(() -> settings.standardSms(kind, language));
        return new SmsTemplateView(kind, language, t, custom.isPresent(), smsPreview(circuit, t));
    }

    private static SmsPreview smsPreview(Circuit circuit, SmsTemplate t) {
        String text = t.render(sample(circuit));
        if (text.isEmpty()) {
            return new SmsPreview(text, 0, 0, SmsSegments.Encoding.GSM_7);
        }
        SmsSegments s = SmsSegments.of(text);
        return new SmsPreview(text, text.length(), s.segments(), s.encoding());
    }

    /** The circuit's notification SMS, newest first (the last 100). */
    @Transactional(readOnly = true)
    public List<NotificationSms.Line> smsLog(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return sms.recent(caller.circuit(), 100);
    }

    /** Settles a notification SMS whose send was interrupted (UNKNOWN): never sends it again. */
    public SmsStatus settleSms(Caller caller, long messageId, SmsSettlement how) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (how == null) {
            throw new InvalidInput("how", "One of " + Arrays.toString(SmsSettlement.values()));
        }
        return sender.settle(caller.circuit(), null, messageId, how, caller.actor());
    }

    @Transactional(readOnly = true)
    public List<TemplateView> templates(Caller caller, NotificationKind kind) {
        caller.require(Role.CIRCUIT_ADMIN);
        return Arrays.stream(Language.values()).map(l -> view(caller.circuit(), kind, l)).toList();
    }

    public TemplateView saveTemplate(Caller caller, NotificationKind kind, Language language, MessageTemplate t) {
        caller.require(Role.CIRCUIT_ADMIN);
        settings.saveTemplate(caller.circuit(), kind, language, Channel.EMAIL, t);
        return view(caller.circuit(), kind, language);
    }

    public TemplateView resetTemplate(Caller caller, NotificationKind kind, Language language) {
        caller.require(Role.CIRCUIT_ADMIN);
        settings.resetTemplate(caller.circuit(), kind, language, Channel.EMAIL);
        return view(caller.circuit(), kind, language);
    }

    public String colour(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return settings.style(caller.circuit()).colour();
    }

    public void changeColour(Caller caller, String colour) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new InvalidInput("colour", "A colour such as #1d4ed8 is needed");
        }
        settings.saveColour(caller.circuit(), colour);
    }

    /** The template (as typed, not yet saved) rendered for a sample member, in the circuit's layout. */
    public Preview preview(Caller caller, NotificationKind kind, Language language, MessageTemplate t) {
        caller.require(Role.CIRCUIT_ADMIN);
        Circuit circuit = tenancy.circuit(caller.circuit());
        MessageTemplate.Rendered rendered = t.render(sample(circuit));
        Mailer.RichMail mail = notifier.mail(circuit, "sample@example.org", rendered, language,
                sample(circuit).get(Shortcode.CUSTOMER_AREA_URL),
                kind.audience() == NotificationKind.Audience.MARKETING ? "#unsubscribe" : null);
        return new Preview(mail.subject(), mail.text(), mail.html());
    }

    /** Sends the preview to the signed-in administrator's own address, through the outbox; returns the address. */
    public String testSend(Caller caller, NotificationKind kind, Language language, MessageTemplate t) {
        return sendTest(caller, preview(caller, kind, language, t));
    }

    /** Sends a preview, marked as a test, to the signed-in administrator's own address; returns the address. */
    String sendTest(Caller caller, Preview p) {
        String to = tenancy.operators(caller).stream().filter(o -> caller.operatorId() != null
                        && o.id() == caller.operatorId()).map(Operator::email).findFirst()
                .orElseThrow(() -> new InvalidInput("to", "Only an administrator signed in with an e-mail address "
                        + "can receive a test"));
        mailer.send(new Mailer.RichMail(to, "[TEST] " + p.subject(), p.text(), p.html(), null));
        return to;
    }

    private TemplateView view(long circuitId, NotificationKind kind, Language language) {
        var custom = settings.custom(circuitId, kind, language, Channel.EMAIL);
        return new TemplateView(kind, language, Channel.EMAIL,
                custom.orElseGet(() -> settings.standard(kind, language)), custom.isPresent());
    }

    static Map<Shortcode, String> sample(Circuit circuit) {
        Map<Shortcode, String> values = new EnumMap<>(Shortcode.class);
        Arrays.stream(Shortcode.values()).forEach(s -> values.put(s, s.sample()));
        values.put(Shortcode.CIRCUIT_NAME, circuit.name());
        return values;
    }
}
