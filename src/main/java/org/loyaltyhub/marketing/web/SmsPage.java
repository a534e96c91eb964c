package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.SmsSegments;
import org.loyaltyhub.marketing.SmsSend;
import org.loyaltyhub.marketing.UnknownShortcode;
import org.loyaltyhub.marketing.internal.NotificationAdmin;
import org.loyaltyhub.marketing.internal.SegmentService;
import org.loyaltyhub.marketing.internal.SmsService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SMS in the back office: the company administrator sees its credits, prices a text as it is typed (htmx) and sends
 * it to listed customers or a segment; the circuit administrator recharges each company's credits and sees the SMS
 * its notifications sent (paid by the circuit). A mistake comes
 * back next to its field, with nothing sent or charged.
 */
@Page
class SmsPage {

    private final SmsService sms;
    private final SegmentService segments;
    private final Tenancy tenancy;
    private final MessageSource messages;
    private final NotificationAdmin notifications;

    SmsPage(SmsService sms, SegmentService segments, Tenancy tenancy, MessageSource messages,
            NotificationAdmin notifications) {
        this.notifications = notifications;
        this.sms = sms;
        this.segments = segments;
        this.tenancy = tenancy;
        this.messages = messages;
    }

    @GetMapping("/company/sms")
    String company(Caller caller, Model model) {
        return company(caller, model, Map.of(), Map.of());
    }

    private String company(Caller caller, Model model, Map<String, String> form, Map<String, String> errors) {
        caller.require(Role.COMPANY_ADMIN);
        model.addAttribute("credits", sms.credits(caller, caller.companyId()).credits())
                .addAttribute("segments", segments.list(caller)).addAttribute("form", form)
                .addAttribute("errors", errors).addAttribute("requestKey", UUID.randomUUID().toString())
                .addAttribute("unsettled", sms.unsettled(caller))
                .addAttribute("settlements", org.loyaltyhub.marketing.SmsSettlement.values());
        return "marketing/sms";
    }

    @PostMapping("/company/sms/price")
    String price(Caller caller, @RequestParam(defaultValue = "") String text, Model model) {
        caller.require(Role.COMPANY_ADMIN);
        model.addAttribute("price", text.isEmpty() || text.length() > SmsSend.MAX_LENGTH ? null : SmsSegments.of(text));
        return "marketing/sms :: price";
    }

    @PostMapping("/company/sms")
    String send(Caller caller, @RequestParam Map<String, String> submitted, Locale locale, Model model) {
        FormValues f = new FormValues(submitted);
        Map<String, String> errors = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (String id : f.text("memberIds") == null ? new String[0] : f.text("memberIds").split("[,\\s]+")) {
            if (!id.matches("[0-9]{1,18}")) {
                errors.put("memberIds", messages.getMessage("sms.error.ids", null, locale));
                break;
            }
            ids.add(Long.valueOf(id));
        }
        if (errors.isEmpty()) {
            try {
                SmsService.Sent sent = sms.send(caller, SmsSend.of(ids, f.number("segmentId"), submitted.get("text")),
                        f.text("requestKey"));
                return "redirect:/company/sms?sent=" + sent.recipients() + "&credits=" + sent.credits();
            } catch (UnknownShortcode e) {
                errors.put("text", e.getMessage());
            } catch (InvalidInput e) {
                errors.putAll(e.fieldErrors());
            } catch (org.loyaltyhub.ledger.InsufficientBalance e) {
                errors.put("text", messages.getMessage("sms.error.credits", new Object[] {
                        e.properties().get("requested"), e.properties().get("balance")}, locale));
            } catch (LoyaltyException e) {
                errors.put("text", e.getMessage());
            }
        }
        return company(caller, model, submitted, errors);
    }

    /** Settles an SMS whose send was interrupted: asks the gateway, or records the operator's check. */
    @PostMapping("/company/sms/messages/{messageId}/settlement")
    String settle(Caller caller, @PathVariable long messageId, @RequestParam(defaultValue = "") String how) {
        var settlement = java.util.Arrays.stream(org.loyaltyhub.marketing.SmsSettlement.values())
                .filter(s -> s.name().equals(how)).findFirst()
                .orElseThrow(() -> new InvalidInput("how", "One of ASK_GATEWAY, SENT, NOT_SENT"));
        return "redirect:/company/sms?settled=" + sms.settle(caller, messageId, settlement).name();
    }

    @GetMapping("/admin/sms")
    String circuit(Caller caller, Model model) {
        return circuit(caller, model, Map.of());
    }

    private String circuit(Caller caller, Model model, Map<String, String> errors) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<Long, SmsService.Credits> credits = new LinkedHashMap<>();
        var companies = tenancy.companies(caller);
        companies.forEach(c -> credits.put(c.id(), sms.credits(caller, c.id())));
        model.addAttribute("companies", companies).addAttribute("credits", credits).addAttribute("errors", errors)
                .addAttribute("requestKey", UUID.randomUUID().toString())
                .addAttribute("notificationSms", notifications.smsLog(caller))
                .addAttribute("settlements", org.loyaltyhub.marketing.SmsSettlement.values());
        return "marketing/sms-credits";
    }

    /** Settles a notification SMS whose send was interrupted (circuit administrator); never sends it again. */
    @PostMapping("/admin/sms/notifications/{messageId}/settlement")
    String settleNotification(Caller caller, @PathVariable long messageId,
                              @RequestParam(defaultValue = "") String how) {
        var settlement = java.util.Arrays.stream(org.loyaltyhub.marketing.SmsSettlement.values())
                .filter(s -> s.name().equals(how)).findFirst().orElse(null);
        return "redirect:/admin/sms?settled=" + notifications.settleSms(caller, messageId, settlement).name()
                + "#notification-sms";
    }

    @PostMapping("/admin/sms/{companyId}")
    String recharge(Caller caller, @PathVariable long companyId, @RequestParam Map<String, String> submitted,
                    Locale locale, Model model) {
        FormValues f = new FormValues(submitted);
        Long credits = f.number("credits");
        if (credits == null) {
            return circuit(caller, model, Map.of(companyId + ".credits",
                    messages.getMessage("mailings.error.number", null, locale)));
        }
        try {
            sms.recharge(caller, companyId, credits, f.text("requestKey") == null ? UUID.randomUUID().toString()
                    : f.text("requestKey"));
            return "redirect:/admin/sms?recharged=" + companyId;
        } catch (InvalidInput e) {
            return circuit(caller, model, Map.of(companyId + ".credits", e.fieldErrors().values().iterator().next()));
        }
    }
}
