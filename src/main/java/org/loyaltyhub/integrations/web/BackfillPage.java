package org.loyaltyhub.integrations.web;

import org.loyaltyhub.integrations.backfill.Backfill;
import org.loyaltyhub.integrations.backfill.BackfillService;
import org.loyaltyhub.integrations.internal.ConnectionService;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A shop connection's "Past orders" page: choose a period and whether the orders earn points, start, and watch the
 * progress (htmx polls every second while it runs). What refuses the start is shown next to its field, or above
 * the form when it is the shop.
 */
@Page
class BackfillPage {

    private final BackfillService backfills;
    private final MessageSource text;

    BackfillPage(BackfillService backfills, MessageSource text) {
        this.backfills = backfills;
        this.text = text;
    }

    @GetMapping("/company/connections/{id}/backfill")
    String page(Caller caller, @PathVariable long id, Model model) {
        return form(caller, id, model, Map.of(), Map.of());
    }

    @PostMapping("/company/connections/{id}/backfill")
    String start(Caller caller, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
                 Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            backfills.start(caller, id, new BackfillService.Request(date(form, "from"), date(form, "to"),
                    "true".equals(form.get("withPoints"))));
            return "redirect:/company/connections/" + id + "/backfill";
        } catch (InvalidInput e) {
            e.fieldErrors().forEach((field, english) -> errors.put(field,
                    text.getMessage("backfill.error." + field, null, english, locale)));
        } catch (LoyaltyException e) {
            errors.put("shop", e.getMessage());
        }
        return form(caller, id, model, form, errors);
    }

    @GetMapping("/company/connections/{id}/backfill/progress")
    String progress(Caller caller, @PathVariable long id, Model model) {
        form(caller, id, model, Map.of(), Map.of());
        return "integrations/backfill :: progress";
    }

    private String form(Caller caller, long id, Model model, Map<String, String> form, Map<String, String> errors) {
        List<Backfill> latest = backfills.of(caller, id);
        model.addAttribute("connection", ConnectionService.view(backfills.connection(caller, id)))
                .addAttribute("latest", latest.isEmpty() ? null : latest.getFirst())
                .addAttribute("form", form).addAttribute("errors", errors);
        return "integrations/backfill";
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "is not a date (yyyy-MM-dd)");
        }
    }
}
