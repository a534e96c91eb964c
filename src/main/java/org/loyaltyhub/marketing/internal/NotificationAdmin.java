package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.Channel;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.NotificationSetting;
import org.loyaltyhub.marketing.Shortcode;
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
 * The circuit administrator's side of notifications: switches, templates per language (with the shipped default
 * until one is written), the e-mail colour, a preview with a sample member and a test send to the administrator.
 */
@Service
@Transactional
public class NotificationAdmin {

    private final NotificationSettings settings;
    private final Notifier notifier;
    private final Tenancy tenancy;
    private final Mailer mailer;

    NotificationAdmin(NotificationSettings settings, Notifier notifier, Tenancy tenancy, Mailer mailer) {
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
