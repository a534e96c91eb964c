package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.marketing.UnknownShortcode;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.FunnelMessages;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;

/**
 * The messages funnels send (programs asks through {@link FunnelMessages}): the funnel's text in the member's
 * language with their shortcodes filled in, kept in their inbox and e-mailed through the outbox as a marketing message
 * (the marketing consent needed, a one-click unsubscribe), once per funnel run and step.
 */
@Component
class FunnelMessenger implements FunnelMessages {

    /** The kind the inbox keeps these messages under. */
    static final String KIND = "FUNNEL";

    private final Notifier notifier;
    private final Members members;
    private final Tenancy tenancy;

    FunnelMessenger(Notifier notifier, Members members, Tenancy tenancy) {
        this.notifier = notifier;
        this.members = members;
        this.tenancy = tenancy;
    }

    @Override
    public void check(Texts texts, String path) {
        for (Language language : Language.values()) {
            template(texts, language, path);
        }
    }

    /**
     * Within a transaction the message is written and e-mailed just before it commits, when the member is whole: an
     * enrolment funnel acts as the member is enrolled, before the consents given with the enrolment are recorded.
     */
    @Override
    public String send(long circuitId, long memberId, String businessKey, Texts texts) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return deliver(circuitId, memberId, businessKey, texts).words();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                deliver(circuitId, memberId, businessKey, texts);
            }
        });
        return "message sent: kept in the inbox, e-mailed with the marketing consent";
    }

    private Notifier.Delivery deliver(long circuitId, long memberId, String businessKey, Texts texts) {
        Circuit circuit = tenancy.circuit(circuitId);
        Member member = members.own(circuitId, memberId);
        Language language = member.languageOr(circuit.defaultCountry());
        Map<Shortcode, String> values = notifier.values(circuit, member, language);
        MessageTemplate.Rendered message = template(texts, language, "message").render(values);
        return notifier.deliver(circuit, member, language, KIND, NotificationKind.Audience.MARKETING,
                "funnel-message:" + businessKey, message, values, null);
    }

    /** The message in one language; a part the template refuses is named {@code path.subjectIt} and so on. */
    private static MessageTemplate template(Texts texts, Language language, String path) {
        boolean it = language == Language.IT;
        String suffix = it ? "It" : "En";
        try {
            return new MessageTemplate(it ? texts.subjectIt() : texts.subjectEn(), it ? texts.bodyIt() : texts.bodyEn());
        } catch (UnknownShortcode e) {
            throw new InvalidInput(path + "." + e.field() + suffix, e.getMessage());
        } catch (InvalidInput e) {
            String part = e.fieldErrors().keySet().stream().findFirst().orElse("body");
            throw new InvalidInput(path + "." + part + suffix, e.fieldErrors().values().stream().findFirst()
                    .orElse("is not a message"));
        }
    }
}
