package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.NotificationSetting;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.marketing.SmsTemplate;
import org.loyaltyhub.marketing.UnknownShortcode;
import org.loyaltyhub.marketing.internal.NotificationAdmin;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The back office's notifications: a switch per kind (with the threshold and the days before expiry) and its SMS
 * switch, the e-mail colour, and per kind the template editor in both languages with a preview (htmx) and a test
 * send, and the SMS editor per language with its length and segments for the sample member. A template with a
 * mistake comes back with the message next to its field and nothing saved.
 */
@Page
class NotificationsPage {

    private final NotificationAdmin admin;
    private final MessageSource messages;

    NotificationsPage(NotificationAdmin admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/notifications")
    String list(Caller caller, Model model) {
        return list(caller, model, Map.of());
    }

    private String list(Caller caller, Model model, Map<String, String> errors) {
        model.addAttribute("settings", admin.settings(caller)).addAttribute("colour", admin.colour(caller))
                .addAttribute("errors", errors);
        return "marketing/notifications";
    }

    @PostMapping("/admin/notifications/{kind}")
    String change(Caller caller, @PathVariable String kind, @RequestParam Map<String, String> submitted,
                  Locale locale, Model model) {
        NotificationKind k = kind(kind);
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues f = new FormValues(submitted);
        Map<String, String> errors = new HashMap<>();
        for (String field : new String[]{"threshold", "days"}) {
            if (!f.blank(field) && f.number(field) == null) {
                errors.put(k.name() + "." + field, message("notifications.error.number", locale));
            }
        }
        if (errors.isEmpty()) {
            try {
                Long threshold = f.number("threshold");
                Long days = f.number("days");
                Integer withinRange = days == null ? null : (int) Math.clamp(days, -1L, 1000L);
                admin.change(caller, new NotificationSetting(k, "on".equals(submitted.get("enabled")), threshold,
                        withinRange, "on".equals(submitted.get("sms"))));
                return "redirect:/admin/notifications?saved#" + k.name();
            } catch (InvalidInput e) {
                e.fieldErrors().forEach((field, text) -> errors.put(k.name() + "." + field, text));
            }
        }
        return list(caller, model, errors);
    }

    @PostMapping("/admin/notifications/colour")
    String colour(Caller caller, @RequestParam(defaultValue = "") String colour, Model model) {
        try {
            admin.changeColour(caller, colour);
            return "redirect:/admin/notifications?saved";
        } catch (InvalidInput e) {
            return list(caller, model, Map.of("colour", e.fieldErrors().get("colour")));
        }
    }

    @GetMapping("/admin/notifications/{kind}/templates")
    String templates(Caller caller, @PathVariable String kind, Model model) {
        NotificationKind k = kind(kind);
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        Map<String, Boolean> custom = new HashMap<>();
        stored(caller, k, forms, custom);
        model.addAttribute("smsForms", smsForms(caller, k, Map.of()));
        return editor(model, k, forms, custom, Map.of());
    }

    @PostMapping("/admin/notifications/{kind}/templates/{language}")
    String save(Caller caller, @PathVariable String kind, @PathVariable String language,
                @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "save") String action, Locale locale, Model model) {
        NotificationKind k = kind(kind);
        Language l = NotificationController.language(language);
        try {
            MessageTemplate t = new MessageTemplate(subject, body);
            switch (action) {
                case "preview" -> {
                    model.addAttribute("preview", admin.preview(caller, k, l, t)).addAttribute("language", l.code());
                    return "marketing/notification-template :: preview";
                }
                case "test" -> {
                    String to = admin.testSend(caller, k, l, t);
                    return "redirect:/admin/notifications/" + k.name() + "/templates?sent=" + to;
                }
                case "reset" -> admin.resetTemplate(caller, k, l);
                default -> admin.saveTemplate(caller, k, l, t);
            }
            return "redirect:/admin/notifications/" + k.name() + "/templates?saved";
        } catch (UnknownShortcode e) {
            return refused(caller, k, l, subject, body, e.field(), message("notifications.error.unknownShortcode",
                    locale, String.join(", ", unknown(e)), String.join(", ", Shortcode.tokens())), action, model);
        } catch (InvalidInput e) {
            var first = e.fieldErrors().entrySet().iterator().next();
            return refused(caller, k, l, subject, body, first.getKey(), first.getValue(), action, model);
        }
    }

    /** The SMS editor of a language: save, preview (htmx, with length and segments) or back to the default. */
    @PostMapping("/admin/notifications/{kind}/templates/{language}/sms")
    String saveSms(Caller caller, @PathVariable String kind, @PathVariable String language,
                   @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "save") String action,
                   Locale locale, Model model) {
        NotificationKind k = kind(kind);
        Language l = NotificationController.language(language);
        try {
            if ("reset".equals(action)) {
                admin.resetSmsTemplate(caller, k, l);
                return "redirect:/admin/notifications/" + k.name() + "/templates?saved#sms-" + l.code();
            }
            SmsTemplate t = new SmsTemplate(body);
            if ("preview".equals(action)) {
                model.addAttribute("sms", admin.smsPreview(caller, k, l, t)).addAttribute("language", l.code());
                return "marketing/notification-template :: smsPreview";
            }
            admin.saveSmsTemplate(caller, k, l, t);
            return "redirect:/admin/notifications/" + k.name() + "/templates?saved#sms-" + l.code();
        } catch (UnknownShortcode e) {
            return smsRefused(caller, k, l, body, message("notifications.error.unknownShortcode", locale,
                    String.join(", ", unknown(e)), String.join(", ", Shortcode.tokens())), action, model);
        } catch (InvalidInput e) {
            return smsRefused(caller, k, l, body, e.fieldErrors().values().iterator().next(), action, model);
        }
    }

    private String smsRefused(Caller caller, NotificationKind k, Language l, String body, String text, String action,
                              Model model) {
        if ("preview".equals(action)) {
            model.addAttribute("previewError", text).addAttribute("language", l.code());
            return "marketing/notification-template :: smsPreview";
        }
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        Map<String, Boolean> custom = new HashMap<>();
        stored(caller, k, forms, custom);
        editor(model, k, forms, custom, Map.of("sms." + l.code() + ".body", text));
        model.addAttribute("smsForms", smsForms(caller, k, Map.of(l.code(), body)));
        return "marketing/notification-template";
    }

    /** The SMS in force per language (or the text as typed, for one refused), with the sample's length. */
    private Map<String, SmsForm> smsForms(Caller caller, NotificationKind k, Map<String, String> typed) {
        Map<String, SmsForm> forms = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            NotificationAdmin.SmsTemplateView v = admin.smsTemplate(caller, k, l);
            forms.put(l.code(), new SmsForm(typed.getOrDefault(l.code(), v.template().body()), v.custom(), v.sample()));
        }
        return forms;
    }

    /** An SMS form: the body shown, whether the circuit wrote it, and the stored text for the sample member. */
    record SmsForm(String body, boolean custom, NotificationAdmin.SmsPreview sample) {
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> unknown(UnknownShortcode e) {
        return (java.util.List<String>) e.properties().get("unknown");
    }

    private String refused(Caller caller, NotificationKind k, Language l, String subject, String body, String field,
                           String text, String action, Model model) {
        if ("preview".equals(action)) {
            model.addAttribute("previewError", text).addAttribute("language", l.code());
            return "marketing/notification-template :: preview";
        }
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        Map<String, Boolean> custom = new HashMap<>();
        stored(caller, k, forms, custom);
        forms.put(l.code(), Map.of("subject", subject, "body", body));
        model.addAttribute("smsForms", smsForms(caller, k, Map.of()));
        return editor(model, k, forms, custom, Map.of(l.code() + "." + field, text));
    }

    /** The templates in force, per language, into the editor's forms, and whether the circuit wrote each. */
    private void stored(Caller caller, NotificationKind k, Map<String, Map<String, String>> forms,
                        Map<String, Boolean> custom) {
        admin.templates(caller, k).forEach(t -> {
            forms.put(t.language().code(), Map.of("subject", t.template().subject(), "body", t.template().body()));
            custom.put(t.language().code(), t.custom());
        });
    }

    private String editor(Model model, NotificationKind kind, Map<String, Map<String, String>> forms,
                          Map<String, Boolean> custom, Map<String, String> errors) {
        model.addAttribute("kind", kind).addAttribute("forms", forms).addAttribute("custom", custom)
                .addAttribute("errors", errors).addAttribute("shortcodes", Shortcode.tokens());
        return "marketing/notification-template";
    }

    private static NotificationKind kind(String name) {
        NotificationKind k = NotificationKind.read(name);
        if (k == null) {
            throw new NotFound("Notification", name);
        }
        return k;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
