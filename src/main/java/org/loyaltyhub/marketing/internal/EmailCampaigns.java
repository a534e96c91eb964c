package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.EmailCampaign;
import org.loyaltyhub.marketing.EmailCampaignDraft;
import org.loyaltyhub.marketing.EmailCampaignReport;
import org.loyaltyhub.marketing.EmailCampaignStatus;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.programs.SegmentUsers;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * E-mail campaigns for the circuit administrator: write one (a segment of the circuit or a search filter, the
 * message in both languages), preview it, send a test to oneself, send it now or at a time, cancel it, read its
 * report, and switch open and click tracking. Creating with a request key, sending and cancelling again change
 * nothing more (a retried request).
 */
@Service
@Transactional
public class EmailCampaigns implements SegmentUsers {

    private final EmailCampaignRows rows;
    private final EmailCampaignAudience audience;
    private final EmailCampaignSender sender;
    private final SegmentRows segments;
    private final NotificationSettings settings;
    private final NotificationAdmin notifications;
    private final Notifier notifier;
    private final Tenancy tenancy;
    private final Clock clock;

    EmailCampaigns(EmailCampaignRows rows, EmailCampaignAudience audience, EmailCampaignSender sender, SegmentRows segments,
              NotificationSettings settings, NotificationAdmin notifications, Notifier notifier, Tenancy tenancy,
              Clock clock) {
        this.rows = rows;
        this.audience = audience;
        this.sender = sender;
        this.segments = segments;
        this.settings = settings;
        this.notifications = notifications;
        this.notifier = notifier;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Drafts and scheduled campaigns to the segment: they keep it (a campaign already going out has its recipients). */
    @Override
    @Transactional(readOnly = true)
    public List<SegmentUse> targeting(long circuitId, long segmentId) {
        return rows.targeting(circuitId, segmentId);
    }

    @Transactional(readOnly = true)
    public List<EmailCampaign> list(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return rows.list(caller.circuit());
    }

    @Transactional(readOnly = true)
    public EmailCampaign get(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        return rows.find(caller.circuit(), id).orElseThrow(() -> new NotFound("EmailCampaign", id));
    }

    /** A new draft; the same {@code requestKey} again answers the campaign it created. */
    public EmailCampaign create(Caller caller, EmailCampaignDraft draft, String requestKey) {
        caller.require(Role.CIRCUIT_ADMIN);
        checkAudience(caller, draft);
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 100)) {
            throw new InvalidInput("requestKey", "A request key has 1 to 100 characters");
        }
        return get(caller, rows.insert(caller.circuit(), draft, requestKey, caller.actor(), clock.instant()));
    }

    public EmailCampaign update(Caller caller, long id, EmailCampaignDraft draft) {
        get(caller, id).status().checkEditable();
        checkAudience(caller, draft);
        rows.update(caller.circuit(), id, draft);
        return get(caller, id);
    }

    /** How many members the audience has now with an address and the marketing consent. */
    @Transactional(readOnly = true)
    public long audienceSize(Caller caller, EmailCampaignDraft draft) {
        caller.require(Role.CIRCUIT_ADMIN);
        checkAudience(caller, draft);
        return audience.size(caller.circuit(), draft, clock.instant());
    }

    /** The message as typed, for a sample member in the circuit's layout (its first e-mail setting may be written). */
    public NotificationAdmin.Preview preview(Caller caller, MessageTemplate template, Language language) {
        caller.require(Role.CIRCUIT_ADMIN);
        Circuit circuit = tenancy.circuit(caller.circuit());
        Map<Shortcode, String> sample = NotificationAdmin.sample(circuit);
        Mailer.RichMail mail = notifier.mail(circuit, "sample@example.org", template.render(sample), language,
                sample.get(Shortcode.CUSTOMER_AREA_URL), "#unsubscribe");
        return new NotificationAdmin.Preview(mail.subject(), mail.text(), mail.html());
    }

    /** Sends the campaign's message in a language to the signed-in administrator; returns the address. */
    public String test(Caller caller, long id, Language language) {
        return notifications.sendTest(caller, preview(caller, get(caller, id).draft().in(language), language));
    }

    /** Queues its recipients now; the job sends them at the configured rate. */
    public EmailCampaign sendNow(Caller caller, long id) {
        EmailCampaign c = get(caller, id);
        if (Set.of(EmailCampaignStatus.SENDING, EmailCampaignStatus.SENT).contains(c.status())) {
            return c;
        }
        c.status().start();
        sender.start(id, clock.instant());
        return get(caller, id);
    }

    public EmailCampaign schedule(Caller caller, long id, Instant at) {
        EmailCampaign c = get(caller, id);
        if (at == null || !at.isAfter(clock.instant())) {
            throw new InvalidInput("sendAt", "A time in the future is needed");
        }
        rows.move(id, c.status(), c.status().schedule(), at, clock.instant());
        return get(caller, id);
    }

    /** Stops it: recipients not yet sent to are not sent to. */
    public EmailCampaign cancel(Caller caller, long id) {
        EmailCampaign c = get(caller, id);
        if (c.status() != EmailCampaignStatus.CANCELLED) {
            rows.move(id, c.status(), c.status().cancel(), null, clock.instant());
        }
        return get(caller, id);
    }

    @Transactional(readOnly = true)
    public EmailCampaignReport report(Caller caller, long id) {
        EmailCampaign c = get(caller, id);
        return rows.report(caller.circuit(), id, c.draft().attributionDays());
    }

    /** Whether opens and clicks are counted (the circuit's e-mail settings are written the first time). */
    public NotificationSettings.Tracking tracking(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return settings.tracking(caller.circuit());
    }

    public NotificationSettings.Tracking changeTracking(Caller caller, NotificationSettings.Tracking tracking) {
        caller.require(Role.CIRCUIT_ADMIN);
        settings.saveTracking(caller.circuit(), tracking);
        return settings.tracking(caller.circuit());
    }

    private void checkAudience(Caller caller, EmailCampaignDraft draft) {
        if (draft.segmentId() != null && !segments.existsKept(caller.circuit(), draft.segmentId())) {
            throw new InvalidInput("segmentId", "There is no segment " + draft.segmentId() + " in this circuit");
        }
    }
}
