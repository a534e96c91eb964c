package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.NotificationSetting;
import org.loyaltyhub.marketing.internal.NotificationAdmin;
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
 * Notifications (seed 004, "Notifiche"): the circuit administrator switches each kind on or off, writes its template
 * per language with shortcodes (an unknown one is refused with the valid ones), previews it for a sample member and
 * sends a test to their own address. Writes are idempotent: the same request again leaves the same state.
 */
@RestController
class NotificationController {

    private final NotificationAdmin admin;

    NotificationController(NotificationAdmin admin) {
        this.admin = admin;
    }

    /** A switch as the administrator sends it: {@code threshold} for THRESHOLD_REACHED, {@code days} for POINTS_EXPIRING. */
    record SettingFields(Boolean enabled, Long threshold, Integer days) {
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
            + "takes the days before expiry (30 unless given)")
    NotificationSetting change(Caller caller, @PathVariable NotificationKind kind, @RequestBody SettingFields fields) {
        if (fields == null || fields.enabled() == null) {
            throw new InvalidInput("enabled", "Say whether the notification is on (true) or off (false)");
        }
        return admin.change(caller, new NotificationSetting(kind, fields.enabled(), fields.threshold(), fields.days()));
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
