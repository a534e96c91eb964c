package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.loyaltyhub.marketing.EmailCampaign;
import org.loyaltyhub.marketing.EmailCampaignDraft;
import org.loyaltyhub.marketing.EmailCampaignReport;
import org.loyaltyhub.marketing.EmailCampaignStatus;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.internal.EmailCampaigns;
import org.loyaltyhub.marketing.internal.NotificationAdmin;
import org.loyaltyhub.marketing.internal.NotificationSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * E-mail campaigns (issue 13 §2): the circuit administrator writes a message in Italian and English for a segment or
 * the members a search filter finds, previews it, sends a test to themselves, sends it now or schedules it, and reads
 * its report. Only members with an e-mail address and the marketing consent receive it, each once, at the rate
 * {@code loyaltyhub.campaigns.per-minute}.
 */
@RestController
@Tag(name = "E-mail campaigns", description = "Marketing e-mails to a segment or a search filter, with their report")
class EmailCampaignController {

    private final EmailCampaigns campaigns;

    EmailCampaignController(EmailCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** A campaign as typed; exactly one of {@code segmentId} and {@code filter}. */
    record CampaignFields(String name, Long segmentId, String filter, String subjectIt, String bodyIt,
                          String subjectEn, String bodyEn, Integer attributionDays) {
        EmailCampaignDraft draft() {
            return EmailCampaignDraft.of(name, segmentId, filter, subjectIt, bodyIt, subjectEn, bodyEn, attributionDays);
        }
    }

    record CampaignView(long id, String name, Long segmentId, String filter, String subjectIt, String bodyIt,
                        String subjectEn, String bodyEn, int attributionDays, EmailCampaignStatus status,
                        Instant sendAt, Instant createdAt, Instant queuedAt, Instant finishedAt) {
        static CampaignView of(EmailCampaign c) {
            var d = c.draft();
            return new CampaignView(c.id(), d.name(), d.segmentId(), d.filter(), d.italian().subject(),
                    d.italian().body(), d.english().subject(), d.english().body(), d.attributionDays(), c.status(),
                    c.sendAt(), c.createdAt(), c.queuedAt(), c.finishedAt());
        }
    }

    record Schedule(Instant sendAt) {
    }

    record MessageFields(String subject, String body) {
    }

    record Audience(long members) {
    }

    record TestSent(String sentTo) {
    }

    @GetMapping("/api/v1/email-campaigns")
    @Operation(summary = "The circuit's e-mail campaigns, newest first (circuit administrator)")
    List<CampaignView> list(Caller caller) {
        return campaigns.list(caller).stream().map(CampaignView::of).toList();
    }

    @PostMapping("/api/v1/email-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Writes a campaign as a draft: a segment of the circuit or a search filter (name, e-mail or "
            + "city), subject and body in it and en with shortcodes (an unknown one is refused with the valid ones). "
            + "Idempotent with an Idempotency-Key header")
    CampaignView create(Caller caller, @RequestBody CampaignFields fields,
                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return CampaignView.of(campaigns.create(caller, fields(fields).draft(),
                idempotencyKey == null ? null : idempotencyKey.strip()));
    }

    @PostMapping("/api/v1/email-campaigns/audience")
    @Operation(summary = "How many members a campaign written so would reach now (address and marketing consent)")
    Audience audience(Caller caller, @RequestBody CampaignFields fields) {
        return new Audience(campaigns.audienceSize(caller, fields(fields).draft()));
    }

    @GetMapping("/api/v1/email-campaigns/{id}")
    @Operation(summary = "A campaign")
    CampaignView get(Caller caller, @PathVariable long id) {
        return CampaignView.of(campaigns.get(caller, id));
    }

    @PutMapping("/api/v1/email-campaigns/{id}")
    @Operation(summary = "Changes a campaign not yet sent")
    CampaignView update(Caller caller, @PathVariable long id, @RequestBody CampaignFields fields) {
        return CampaignView.of(campaigns.update(caller, id, fields(fields).draft()));
    }

    @PostMapping("/api/v1/email-campaigns/preview/{language}")
    @Operation(summary = "Renders a subject and body (as typed, not saved) for a sample member: subject, text, HTML")
    NotificationAdmin.Preview preview(Caller caller, @PathVariable String language,
                                      @RequestBody MessageFields fields) {
        if (fields == null) {
            throw new InvalidInput("subject", "A subject and a body are needed");
        }
        return campaigns.preview(caller, new MessageTemplate(fields.subject(), fields.body()),
                NotificationController.language(language));
    }

    @PostMapping("/api/v1/email-campaigns/{id}/test/{language}")
    @Operation(summary = "Sends the campaign's message in a language to the signed-in administrator's address")
    TestSent test(Caller caller, @PathVariable long id, @PathVariable String language) {
        return new TestSent(campaigns.test(caller, id, NotificationController.language(language)));
    }

    @PostMapping("/api/v1/email-campaigns/{id}/send")
    @Operation(summary = "Sends it now: its recipients are queued and e-mailed at the configured rate (again: no change)")
    CampaignView send(Caller caller, @PathVariable long id) {
        return CampaignView.of(campaigns.sendNow(caller, id));
    }

    @PostMapping("/api/v1/email-campaigns/{id}/schedule")
    @Operation(summary = "Sends it at a time in the future")
    CampaignView schedule(Caller caller, @PathVariable long id, @RequestBody Schedule schedule) {
        return CampaignView.of(campaigns.schedule(caller, id, schedule == null ? null : schedule.sendAt()));
    }

    @PostMapping("/api/v1/email-campaigns/{id}/cancel")
    @Operation(summary = "Stops it: members not yet e-mailed are not (again: no change)")
    CampaignView cancel(Caller caller, @PathVariable long id) {
        return CampaignView.of(campaigns.cancel(caller, id));
    }

    @GetMapping("/api/v1/email-campaigns/{id}/report")
    @Operation(summary = "Recipients, sent, failed, skipped, unsubscribed, opened, clicked, and the purchases and "
            + "points of recipients within the attribution days")
    EmailCampaignReport report(Caller caller, @PathVariable long id) {
        return campaigns.report(caller, id);
    }

    @GetMapping("/api/v1/email-campaigns/tracking")
    @Operation(summary = "Whether campaigns count opens (tracking pixel) and clicks (redirect links)")
    NotificationSettings.Tracking tracking(Caller caller) {
        return campaigns.tracking(caller);
    }

    @PutMapping("/api/v1/email-campaigns/tracking")
    @Operation(summary = "Switches open and click tracking on or off for the circuit's campaigns")
    NotificationSettings.Tracking changeTracking(Caller caller, @RequestBody TrackingFields fields) {
        if (fields == null || fields.opens() == null || fields.clicks() == null) {
            throw new InvalidInput("opens", "Say whether opens and clicks are counted (true or false)");
        }
        return campaigns.changeTracking(caller, new NotificationSettings.Tracking(fields.opens(), fields.clicks()));
    }

    record TrackingFields(Boolean opens, Boolean clicks) {
    }

    private static CampaignFields fields(CampaignFields fields) {
        if (fields == null) {
            throw new InvalidInput("name", "A campaign is needed");
        }
        return fields;
    }
}
