package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.AttributeCondition;
import org.loyaltyhub.programs.internal.promotions.CampaignEventService;
import org.loyaltyhub.programs.internal.promotions.EventTypes;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.programs.internal.promotions.PromotionAdmin;
import org.loyaltyhub.programs.internal.promotions.PromotionBacktest;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionTrigger;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Promotions in the back office (issue 12): the list with what each has given, a promotion's form (the dry run over
 * the last days' purchases answers on the same page before anything is saved or activated), its figures and the
 * activate / pause buttons. A form with a mistake comes back with the message next to the field and nothing saved.
 */
@Page
class PromotionsPage {

    private static final List<String> WEEKDAYS = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();

    private final PromotionAdmin promotions;
    private final CampaignEventService events;
    private final CampaignChoices choices;

    PromotionsPage(PromotionAdmin promotions, CampaignEventService events, CampaignChoices choices) {
        this.promotions = promotions;
        this.events = events;
        this.choices = choices;
    }

    @GetMapping("/admin/promotions")
    String list(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        model.addAttribute("promotions", promotions.list(caller));
        return "promotions";
    }

    @GetMapping("/admin/promotions/new")
    String blank(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        ZoneId zone = promotions.zone(caller);
        Map<String, String> form = new HashMap<>(Map.of("validFrom",
                LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES).toString(), "priority", "10",
                "effectType", "FIXED_POINTS", "dryRunDays", "30", "triggerType", "PURCHASE"));
        return show(caller, model, null, form, new LinkedMultiValueMap<>(), Map.of());
    }

    @GetMapping("/admin/promotions/{id}")
    String edit(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        PromotionAdmin.View view = promotions.get(caller, id);
        return show(caller, model, view, PromotionForm.values(view.definition(), promotions.zone(caller)),
                PromotionForm.ticked(view.definition()), Map.of());
    }

    @PostMapping("/admin/promotions")
    String create(Caller caller, @RequestParam MultiValueMap<String, String> submitted, Model model) {
        return save(caller, null, submitted, model);
    }

    @PostMapping("/admin/promotions/{id}")
    String change(Caller caller, @PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
                  Model model) {
        return save(caller, id, submitted, model);
    }

    @PostMapping("/admin/promotions/{id}/activate")
    String activate(Caller caller, @PathVariable long id) {
        promotions.activate(caller, id);
        return "redirect:/admin/promotions/" + id + "?activated";
    }

    @PostMapping("/admin/promotions/{id}/pause")
    String pause(Caller caller, @PathVariable long id) {
        promotions.pause(caller, id);
        return "redirect:/admin/promotions/" + id + "?paused";
    }

    private String save(Caller caller, Long id, MultiValueMap<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        PromotionAdmin.View editing = id == null ? null : promotions.get(caller, id);
        Map<String, String> form = submitted.toSingleValueMap();
        Map<String, String> errors = new LinkedHashMap<>();
        PromotionForm.FormInput in = PromotionForm.input(submitted, promotions.zone(caller),
                editing == null ? null : editing.definition(), errors);
        boolean dryRun = "dryRun".equals(form.get("action"));
        Long dryRunDays = new FormValues(form).number("dryRunDays");
        if (dryRun && (dryRunDays == null || dryRunDays < 1 || dryRunDays > 366)) {
            errors.put("dryRunDays", "promotions.error.dryRunDays");
        }
        if (errors.isEmpty()) {
            try {
                if (dryRun) {
                    PromotionBacktest.DryRun run = promotions.dryRun(caller,
                            new PromotionAdmin.DryRunRequest(in.input(), dryRunDays.intValue()));
                    model.addAttribute("dryRun", run);
                    return show(caller, model, editing, form, submitted, errors);
                }
                PromotionAdmin.View saved = id == null ? promotions.create(caller, in.input())
                        : promotions.update(caller, id, in.input());
                return "redirect:/admin/promotions/" + saved.id() + "?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(path -> {
                    String field = in.fieldOf(path);
                    errors.put(field, "promotions.error." + field.replaceFirst("[0-9]+$", ""));
                });
            }
        }
        return show(caller, model, editing, form, submitted, errors);
    }

    /** The form with the boxes {@code ticked} (weekdays, storeIds, tierIds, companyIds) and the target's choices. */
    private String show(Caller caller, Model model, PromotionAdmin.View editing, Map<String, String> form,
                        MultiValueMap<String, String> ticked, Map<String, String> errors) {
        model.addAttribute("editing", editing).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("weekdays", WEEKDAYS).addAttribute("chosenDays", chosen(ticked, "weekdays"))
                .addAttribute("stores", choices.stores(caller)).addAttribute("chosenStores", chosen(ticked, "storeIds"))
                .addAttribute("tiers", choices.tiers(caller, null)).addAttribute("chosenTiers", chosen(ticked, "tierIds"))
                .addAttribute("companies", choices.companies(caller))
                .addAttribute("chosenCompanies", chosen(ticked, "companyIds"))
                .addAttribute("segments", choices.segments(caller, form.get("segmentId")))
                .addAttribute("attributeRows", EventConditionRows.shownRows(form))
                .addAttribute("effects", Arrays.stream(PromotionEffect.Kind.values())
                        .filter(k -> !k.funnelOnly()).toList()).addAttribute("periods", Promotion.Period.values())
                .addAttribute("triggers", PromotionTrigger.Kind.values())
                .addAttribute("eventTypes", events.types(caller).stream().map(EventTypes.EventType::name).toList())
                .addAttribute("attributeOps", AttributeCondition.Op.values())
                .addAttribute("dateKinds", PromotionTrigger.DateKind.values())
                .addAttribute("everies", PromotionTrigger.Every.values())
                .addAttribute("stackings", Promotion.Stacking.values());
        return "promotion";
    }

    private static List<String> chosen(MultiValueMap<String, String> ticked, String name) {
        return ticked.getOrDefault(name, List.of());
    }

}
