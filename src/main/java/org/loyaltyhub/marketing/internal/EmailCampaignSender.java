package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.EmailCampaign;
import org.loyaltyhub.marketing.EmailCampaignStatus;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.ClusterJobs;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends campaigns: queues the recipients of those whose time came, then puts e-mails in the outbox at the configured
 * rate ({@code loyaltyhub.campaigns.per-minute}). One node at a time runs a round; each chunk of recipients is a
 * transaction of its own that writes their e-mails, inbox messages and their SENT mark together, so a crash loses
 * only the chunk in flight (sent again whole after the restart): nobody twice, nobody skipped.
 */
@Component
public class EmailCampaignSender {

    static final int CHUNK = 100;
    static final String JOB = "campaigns";

    private final ClusterJobs jobs;
    private final EmailCampaignRows rows;
    private final EmailCampaignAudience audience;
    private final Members members;
    private final Tenancy tenancy;
    private final Notifier notifier;
    private final NotificationSettings settings;
    private final TrackingLinks links;
    private final UnsubscribeLinks unsubscribe;
    private final Mailer mailer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SendingRate rate;

    EmailCampaignSender(ClusterJobs jobs, EmailCampaignRows rows, EmailCampaignAudience audience, Members members, Tenancy tenancy,
                   Notifier notifier, NotificationSettings settings, TrackingLinks links, UnsubscribeLinks unsubscribe,
                   Mailer mailer, JdbcClient jdbc, Clock clock,
                   @Value("${loyaltyhub.campaigns.per-minute:600}") int perMinute) {
        this.jobs = jobs;
        this.rows = rows;
        this.audience = audience;
        this.members = members;
        this.tenancy = tenancy;
        this.notifier = notifier;
        this.settings = settings;
        this.links = links;
        this.unsubscribe = unsubscribe;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rate = new SendingRate(perMinute);
    }

    /** What a round did: campaigns started, e-mails queued in the outbox, campaigns finished. */
    public record Round(int started, int sent, int finished) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.campaign-interval:PT10S}",
            initialDelayString = "${loyaltyhub.jobs.campaign-interval:PT10S}")
    void scheduled() {
        runAt(clock.instant());
    }

    /** One round as of {@code now} at the configured rate; null when another node runs it. */
    public Round runAt(Instant now) {
        return runAt(now, rate);
    }

    /** One round as of {@code now} at the given rate; null when another node runs it. */
    public Round runAt(Instant now, SendingRate rate) {
        return jobs.runExclusively(JOB, () -> {
            int started = 0;
            for (long id : rows.due(now)) {
                started += jobs.runItem(JOB, "campaign " + id, () -> start(id, now)) ? 1 : 0;
            }
            int allowance = rate.allowance(rows.sentInMinuteBefore(now));
            int sent = 0;
            int finished = 0;
            for (long id : rows.sending()) {
                int n;
                do {
                    AtomicInteger done = new AtomicInteger();
                    int limit = Math.min(CHUNK, allowance - sent);
                    if (limit > 0) {
                        jobs.runItem(JOB, "campaign " + id, () -> {
                            done.set(sendChunk(id, limit, now));
                            return true;
                        });
                    }
                    n = done.get();
                    sent += n;
                } while (n > 0);
                if (!rows.anyQueued(id) && jobs.runItem(JOB, "campaign " + id, () -> finish(id, now))) {
                    finished++;
                }
            }
            return new Round(started, sent, finished);
        });
    }

    /** Queues a campaign's recipients and marks it sending, in the caller's transaction; false when it moved on. */
    boolean start(long campaignId, Instant now) {
        long circuitId = rows.circuitOf(campaignId).orElseThrow();
        EmailCampaign c = rows.find(circuitId, campaignId).orElseThrow();
        EmailCampaignStatus to = c.status().start();
        if (!rows.move(campaignId, c.status(), to, null, now)) {
            return false;
        }
        audience.of(circuitId, c.draft(), now).ifPresent(q -> rows.queue(campaignId, q));
        return true;
    }

    private boolean finish(long campaignId, Instant now) {
        return rows.move(campaignId, EmailCampaignStatus.SENDING, EmailCampaignStatus.SENDING.finish(), null, now);
    }

    /**
     * Sends to up to {@code limit} queued recipients of the campaign, in the caller's transaction: their e-mails go
     * to the outbox, their messages to the inbox, and they are marked sent, or skipped when they have no address or
     * no marketing consent any more. Returns how many recipients it took.
     */
    public int sendChunk(long campaignId, int limit, Instant now) {
        long circuitId = rows.circuitOf(campaignId).orElseThrow();
        EmailCampaign campaign = rows.find(circuitId, campaignId).orElseThrow();
        if (campaign.status() != EmailCampaignStatus.SENDING) {
            return 0;
        }
        Circuit circuit = tenancy.circuit(circuitId);
        NotificationSettings.Tracking tracking = settings.tracking(circuitId);
        var taken = rows.takeQueued(campaignId, limit);
        for (long memberId : taken) {
            Member member = members.own(circuitId, memberId);
            Long outboxId = member.email() != null
                    && ConsentRule.allows(NotificationKind.Audience.MARKETING, member.consents())
                    ? send(circuit, campaign, member, member.languageOr(circuit.defaultCountry()), tracking, now) : null;
            rows.sent(campaignId, memberId, outboxId, now);
        }
        return taken.size();
    }

    private long send(Circuit circuit, EmailCampaign campaign, Member member, Language language,
                      NotificationSettings.Tracking tracking, Instant now) {
        Map<Shortcode, String> values = notifier.values(circuit, member, language);
        MessageTemplate.Rendered message = campaign.draft().in(language).render(values);
        jdbc.sql("""
                        insert into member_message (circuit_id, member_id, kind, business_key, subject, body, emailed, created_at)
                        values (:c, :m, 'CAMPAIGN', :key, :subject, :body, true, :at)
                        on conflict (circuit_id, business_key) do nothing""")
                .param("c", circuit.id()).param("m", member.id()).param("key", businessKey(campaign.id(), member.id()))
                .param("subject", message.subject()).param("body", message.text())
                .param("at", Timestamp.from(now)).update();
        MessageTemplate.Rendered emailed = tracking.clicks() ? new MessageTemplate.Rendered(message.subject(),
                links.trackClicks(message.text(), circuit.id(), campaign.id(), member.id())) : message;
        Mailer.RichMail mail = notifier.mail(circuit, member.email(), emailed, language,
                values.get(Shortcode.CUSTOMER_AREA_URL), unsubscribe.url(circuit.id(), member.id()));
        if (tracking.opens()) {
            mail = new Mailer.RichMail(mail.to(), mail.subject(), mail.text(),
                    MailLayout.withPixel(mail.html(), links.openPixel(circuit.id(), campaign.id(), member.id())),
                    mail.unsubscribeUrl());
        }
        return mailer.send(mail);
    }

    static String businessKey(long campaignId, long memberId) {
        return "campaign:" + campaignId + ":" + memberId;
    }
}
