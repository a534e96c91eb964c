package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.EmailCampaign;
import org.loyaltyhub.marketing.EmailCampaignDraft;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.marketing.UnknownShortcode;
import org.loyaltyhub.marketing.internal.EmailCampaigns;
import org.loyaltyhub.marketing.internal.SegmentService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The back office's e-mail campaigns: the list, a form for a new one (a segment or a search filter, the message in
 * both languages with a preview), and each campaign's page with its actions (test, send now, cancel) and report.
 * A mistake comes back with its message next to the field and nothing saved.
 */
@Page
class EmailCampaignsPage {

    private final EmailCampaigns campaigns;
    private final SegmentService segments;
    private final MessageSource messages;

    EmailCampaignsPage(EmailCampaigns campaigns, SegmentService segments, MessageSource messages) {
        this.campaigns = campaigns;
        this.segments = segments;
        this.messages = messages;
    }

    @GetMapping("/admin/email-campaigns")
    String list(Caller caller, Model model) {
        return list(caller, model, Map.of(), Map.of());
    }

    private String list(Caller caller, Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("campaigns", campaigns.list(caller)).addAttribute("segments", segments.list(caller))
                .addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("shortcodes", Shortcode.tokens()).addAttribute("tracking", campaigns.tracking(caller))
                .addAttribute("requestKey", java.util.UUID.randomUUID().toString());
        return "marketing/email-campaigns";
    }

    @PostMapping("/admin/email-campaigns")
    String create(Caller caller, @RequestParam Map<String, String> form, Locale locale, Model model) {
        Map<String, String> errors = new HashMap<>();
        try {
            Long segment = form.getOrDefault("segmentId", "").isBlank() ? null : Long.valueOf(form.get("segmentId"));
            Integer days = form.getOrDefault("attributionDays", "").isBlank() ? null
                    : Integer.valueOf(form.get("attributionDays").strip());
            EmailCampaign c = campaigns.create(caller, EmailCampaignDraft.of(form.get("name"), segment,
                    form.get("filter"), form.get("subjectIt"), form.get("bodyIt"), form.get("subjectEn"),
                    form.get("bodyEn"), days), form.get("requestKey"));
            return "redirect:/admin/email-campaigns/" + c.id();
        } catch (NumberFormatException e) {
            errors.put("attributionDays", messages.getMessage("mailings.error.number", null, locale));
        } catch (UnknownShortcode e) {
            errors.put(e.field(), unknown(e, locale));
        } catch (InvalidInput e) {
            errors.putAll(e.fieldErrors());
        }
        return list(caller, model, form, errors);
    }

    @PostMapping("/admin/email-campaigns/tracking")
    String tracking(Caller caller, @RequestParam Map<String, String> form) {
        var f = new org.loyaltyhub.shared.web.FormValues(form);
        campaigns.changeTracking(caller, new org.loyaltyhub.marketing.internal.NotificationSettings.Tracking(
                f.checked("opens"), f.checked("clicks")));
        return "redirect:/admin/email-campaigns?tracking";
    }

    @PostMapping("/admin/email-campaigns/preview/{language}")
    String preview(Caller caller, @PathVariable String language, @RequestParam Map<String, String> form,
                   Locale locale, Model model) {
        Language l = NotificationController.language(language);
        String suffix = l == Language.IT ? "It" : "En";
        try {
            MessageTemplate t = new MessageTemplate(form.getOrDefault("subject" + suffix, ""),
                    form.getOrDefault("body" + suffix, ""));
            model.addAttribute("preview", campaigns.preview(caller, t, l));
        } catch (UnknownShortcode e) {
            model.addAttribute("previewError", unknown(e, locale));
        } catch (InvalidInput e) {
            model.addAttribute("previewError", e.fieldErrors().values().iterator().next());
        }
        model.addAttribute("language", l.code());
        return "marketing/notification-template :: preview";
    }

    @GetMapping("/admin/email-campaigns/{id}")
    String show(Caller caller, @PathVariable long id, Model model) {
        EmailCampaign c = campaigns.get(caller, id);
        var r = campaigns.report(caller, id);
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("recipients", r.recipients());
        figures.put("sent", r.sent());
        figures.put("failed", r.failed());
        figures.put("skipped", r.skipped());
        figures.put("unsubscribed", r.unsubscribed());
        figures.put("opened", r.opened());
        figures.put("clicked", r.clicked());
        figures.put("purchases", r.purchases());
        figures.put("purchasesTotal", r.purchasesTotal().stripTrailingZeros().toPlainString());
        figures.put("points", r.points());
        model.addAttribute("campaign", c).addAttribute("figures", figures)
                .addAttribute("segmentName", c.draft().segmentId() == null ? null
                        : segments.list(caller).stream().filter(s -> s.id() == c.draft().segmentId())
                        .map(s -> s.name()).findFirst().orElse("#" + c.draft().segmentId()));
        return "marketing/email-campaign";
    }

    @PostMapping("/admin/email-campaigns/{id}/{action}")
    String act(Caller caller, @PathVariable long id, @PathVariable String action, Model model) {
        try {
            switch (action) {
                case "send" -> campaigns.sendNow(caller, id);
                case "cancel" -> campaigns.cancel(caller, id);
                case "test-it", "test-en" -> {
                    String to = campaigns.test(caller, id, Language.read(action.substring(5)));
                    return "redirect:/admin/email-campaigns/" + id + "?sent=" + to;
                }
                default -> throw new org.loyaltyhub.shared.NotFound("Action", action);
            }
            return "redirect:/admin/email-campaigns/" + id + "?done";
        } catch (InvalidInput | org.loyaltyhub.marketing.EmailCampaignStatus.WrongStatus e) {
            model.addAttribute("refused", e instanceof InvalidInput i
                    ? String.join(" ", i.fieldErrors().values()) : ((LoyaltyException) e).getMessage());
            return show(caller, id, model);
        }
    }

    private String unknown(UnknownShortcode e, Locale locale) {
        @SuppressWarnings("unchecked")
        List<String> unknown = (List<String>) e.properties().get("unknown");
        return messages.getMessage("notifications.error.unknownShortcode",
                new Object[]{String.join(", ", unknown), String.join(", ", Shortcode.tokens())}, locale);
    }
}
