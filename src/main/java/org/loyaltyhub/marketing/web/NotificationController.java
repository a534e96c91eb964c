package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.NotificationSetting;
import org.loyaltyhub.marketing.SmsTemplate;
import org.loyaltyhub.marketing.internal.NotificationAdmin;
import org.loyaltyhub.marketing.internal.NotificationSms;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Notifications (seed 004, "Notifiche"): the circuit administrator switches each kind on or off (e-mail, and SMS
 * paid by the circuit), writes its e-mail and SMS templates per language with shortcodes (an unknown one is refused with the valid ones), previews it for a sample member and
 * sends a test to their own address. Writes are idempotent: the same request again leaves the same state.
 */
@RestController
class NotificationController {

    private final NotificationAdmin admin;

    NotificationController(NotificationAdmin admin) {
        this.admin = admin;
    }

    /** A switch as the administrator sends it: {@code threshold} for THRESHOLD_REACHED, {@code days} for POINTS_EXPIRING. */
    record SettingFields(Boolean enabled, Long threshold, Integer days, Boolean sms) {
    }

    /** A notification's SMS as typed: a body with shortcodes such as {first_name}. */
    record SmsFields(String body) {
    }

    record SmsTemplateView(NotificationKind kind, String language, String channel, String body, boolean custom,
                           NotificationAdmin.SmsPreview sample) {
        static SmsTemplateView of(NotificationAdmin.SmsTemplateView v) {
            return new SmsTemplateView(v.kind(), v.language().code(), "SMS", v.template().body(), v.custom(),
                    v.sample());
        }
    }

    /** A template as typed: subject and body with shortcodes such as {first_name}. */
    record TemplateFields(String subject, String body) {
        MessageTemplate template() {
            return new MessageTemplate(subject, body);
        }
    }

    record TemplateView(NotificationKind kind, String language, String channel, String subject, String body,
                        boolean custom) {
        static TemplateView of(NotificationAdmin.TemplateView v) {
            return new TemplateView(v.kind(), v.language().code(), v.channel().name(), v.template().subject(),
                    v.template().body(), v.custom());
        }
    }

    record TestSent(String sentTo) {
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "The circuit's notifications, each on or off with its parameter (circuit administrator)")
    List<NotificationSetting> list(Caller caller) {
        return admin.settings(caller);
    }

    @PutMapping("/api/v1/notifications/{kind}")
    @Operation(summary = "Switch a notification on or off; THRESHOLD_REACHED needs its threshold, POINTS_EXPIRING "
            + "takes the days before expiry (30 unless given); sms sends it by SMS as well (left as it is when not "
            + "given; off until turned on)")
    NotificationSetting change(Caller caller, @PathVariable NotificationKind kind, @RequestBody SettingFields fields) {
        if (fields == null || fields.enabled() == null) {
            throw new InvalidInput("enabled", "Say whether the notification is on (true) or off (false)");
        }
        boolean sms = fields.sms() != null ? fields.sms() : admin.setting(caller, kind).sms();
        return admin.change(caller, new NotificationSetting(kind, fields.enabled(), fields.threshold(), fields.days(),
                sms));
    }

    @GetMapping("/api/v1/notifications/{kind}/templates")
    @Operation(summary = "The notification's e-mail templates in Italian and English (the default until one is written)")
    List<TemplateView> templates(Caller caller, @PathVariable NotificationKind kind) {
        return admin.templates(caller, kind).stream().map(TemplateView::of).toList();
    }

    @PutMapping("/api/v1/notifications/{kind}/templates/{language}")
    @Operation(summary = "Write the notification's template in a language (it, en); an unknown shortcode is refused "
            + "(problem unknown-shortcode, with the valid ones)")
    TemplateView saveTemplate(Caller caller, @PathVariable NotificationKind kind, @PathVariable String language,
                              @RequestBody TemplateFields fields) {
        return TemplateView.of(admin.saveTemplate(caller, kind, language(language), template(fields)));
    }

    @DeleteMapping("/api/v1/notifications/{kind}/templates/{language}")
    @Operation(summary = "Go back to the default template in a language")
    TemplateView resetTemplate(Caller caller, @PathVariable NotificationKind kind, @PathVariable String language) {
        return TemplateView.of(admin.resetTemplate(caller, kind, language(language)));
    }

    @PostMapping("/api/v1/notifications/{kind}/templates/{language}/preview")
    @Operation(summary = "Render a template (as typed, not saved) for a sample member: subject, text and HTML")
    NotificationAdmin.Preview preview(Caller caller, @PathVariable NotificationKind kind, @PathVariable String language,
                                      @RequestBody TemplateFields fields) {
        return admin.preview(caller, kind, language(language), template(fields));
    }

    @PostMapping("/api/v1/notifications/{kind}/templates/{language}/test")
    @Operation(summary = "Send the rendered template to the signed-in administrator's own e-mail address")
    TestSent test(Caller caller, @PathVariable NotificationKind kind, @PathVariable String language,
                  @RequestBody TemplateFields fields) {
        return new TestSent(admin.testSend(caller, kind, language(language), template(fields)));
    }

    @GetMapping("/api/v1/notifications/{kind}/templates/{language}/sms")
    @Operation(summary = "The notification's SMS in a language (the short default until one is written), with the "
            + "text for a sample member, its length and SMS segments")
    SmsTemplateView smsTemplate(Caller caller, @PathVariable NotificationKind kind, @PathVariable String language) {
        return SmsTemplateView.of(admin.smsTemplate(caller, kind, language(language)));
    }

    @PutMapping("/api/v1/notifications/{kind}/templates/{language}/sms")
    @Operation(summary = "Write the notification's SMS in a language (a body only, same shortcodes as the e-mail; an "
            + "unknown one is refused with problem unknown-shortcode; at most 10 segments for the sample member)")
    SmsTemplateView saveSmsTemplate(Caller caller, @PathVariable NotificationKind kind, @PathVariable String language,
                                    @RequestBody SmsFields fields) {
        return SmsTemplateView.of(admin.saveSmsTemplate(caller, kind, language(language), sms(fields)));
    }

    @DeleteMapping("/api/v1/notifications/{kind}/templates/{language}/sms")
    @Operation(summary = "Go back to the default SMS in a language")
    SmsTemplateView resetSmsTemplate(Caller caller, @PathVariable NotificationKind kind,
                                     @PathVariable String language) {
        return SmsTemplateView.of(admin.resetSmsTemplate(caller, kind, language(language)));
    }

    @PostMapping("/api/v1/notifications/{kind}/templates/{language}/sms/preview")
    @Operation(summary = "Render an SMS (as typed, not saved) for a sample member: text, length and segments")
    NotificationAdmin.SmsPreview smsPreview(Caller caller, @PathVariable NotificationKind kind,
                                            @PathVariable String language, @RequestBody SmsFields fields) {
        return admin.smsPreview(caller, kind, language(language), sms(fields));
    }

    @GetMapping("/api/v1/notifications/sms-messages")
    @Operation(summary = "The notification SMS the circuit sent (paid by the circuit, no company), newest first: "
            + "the last 100 with their status")
    List<NotificationSms.Line> smsMessages(Caller caller) {
        return admin.smsLog(caller);
    }

    @PostMapping("/api/v1/notifications/sms-messages/{messageId}/settlement")
    @Operation(summary = "Settles a notification SMS whose outcome is UNKNOWN (circuit administrator): ASK_GATEWAY, "
            + "SENT or NOT_SENT; never sends it again. sms-already-settled (409) when it is not UNKNOWN")
    SmsController.Settled settleSms(Caller caller, @PathVariable long messageId,
                                    @RequestBody SmsController.Settlement settlement) {
        return new SmsController.Settled(messageId, admin.settleSms(caller, messageId,
                settlement == null ? null : settlement.how()));
    }

    private static SmsTemplate sms(SmsFields fields) {
        if (fields == null) {
            throw new InvalidInput("body", "A body is needed");
        }
        return new SmsTemplate(fields.body());
    }

    private static MessageTemplate template(TemplateFields fields) {
        if (fields == null) {
            throw new InvalidInput("subject", "A subject and a body are needed");
        }
        return fields.template();
    }

    static Language language(String code) {
        Language l = Language.read(code);
        if (l == null) {
            throw new NotFound("Language", code);
        }
        return l;
    }
}
