package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.AttributeCondition;
import org.loyaltyhub.programs.internal.promotions.CampaignEventService;
import org.loyaltyhub.programs.internal.promotions.EventTypes;
import org.loyaltyhub.programs.internal.promotions.Funnel;
import org.loyaltyhub.programs.internal.promotions.FunnelAdmin;
import org.loyaltyhub.programs.internal.promotions.FunnelInput;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Automation funnels in the back office (issue 12 §3): the list, a funnel's form (trigger with its conditions on the
 * event's attributes or on the purchase, delay, filters, and every effect the API takes, such as a message in Italian
 * and English), activate / pause, and the run log of each member (waiting, acted, skipped and why).
 */
@Page
class FunnelsPage {

    private final FunnelAdmin funnels;
    private final CampaignEventService events;
    private final CampaignChoices choices;

    FunnelsPage(FunnelAdmin funnels, CampaignEventService events, CampaignChoices choices) {
        this.funnels = funnels;
        this.events = events;
        this.choices = choices;
    }

    @GetMapping("/admin/funnels")
    String list(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        model.addAttribute("funnels", funnels.list(caller));
        return "funnels";
    }

    @GetMapping("/admin/funnels/new")
    String blank(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        return show(caller, model, null, new HashMap<>(Map.of("triggerType", "ENROLMENT", "delayDays", "0",
                "effectType0", "FIXED_POINTS")), Map.of());
    }

    @GetMapping("/admin/funnels/{id}")
    String edit(Caller caller, @PathVariable long id, @RequestParam(required = false) Long memberId, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        FunnelAdmin.View view = funnels.get(caller, id);
        model.addAttribute("runs", funnels.runs(caller, id, memberId));
        return show(caller, model, view, values(view.definition()), Map.of());
    }

    @PostMapping("/admin/funnels")
    String create(Caller caller, @RequestParam Map<String, String> form, Model model) {
        return save(caller, null, form, model);
    }

    @PostMapping("/admin/funnels/{id}")
    String change(Caller caller, @PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(caller, id, form, model);
    }

    @PostMapping("/admin/funnels/{id}/activate")
    String activate(Caller caller, @PathVariable long id) {
        funnels.status(caller, id, Promotion.Status.ACTIVE);
        return "redirect:/admin/funnels/" + id + "?activated";
    }

    @PostMapping("/admin/funnels/{id}/pause")
    String pause(Caller caller, @PathVariable long id) {
        funnels.status(caller, id, Promotion.Status.PAUSED);
        return "redirect:/admin/funnels/" + id + "?paused";
    }

    private String save(Caller caller, Long id, Map<String, String> form, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        FunnelAdmin.View editing = id == null ? null : funnels.get(caller, id);
        Map<String, String> errors = new LinkedHashMap<>();
        FormInput in = input(new FormValues(form), editing == null ? null : editing.definition(), errors);
        if (errors.isEmpty()) {
            try {
                FunnelAdmin.View saved = id == null ? funnels.create(caller, in.input())
                        : funnels.update(caller, id, in.input());
                return "redirect:/admin/funnels/" + saved.id() + "?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(path -> {
                    String field = in.fieldOf(path);
                    errors.put(field, "funnels.error." + field.replaceFirst("[0-9]+$", ""));
                });
            }
        }
        if (editing != null) {
            model.addAttribute("runs", funnels.runs(caller, id, null));
        }
        return show(caller, model, editing, form, errors);
    }

    /** The form's values as the API's input, with the rows its effects and event conditions came from. */
    record FormInput(FunnelInput input, FunnelEffectRows.Read effects, EventConditionRows.Read attributes) {

        /** The form field an error's path names ("effects[0].points", "filters.badgeId", "trigger.eventType"). */
        String fieldOf(String path) {
            if (path.startsWith("effects")) {
                return effects.fieldOf(path);
            }
            if (path.startsWith("trigger.attributeConditions")) {
                return attributes.fieldOf(path);
            }
            if (path.startsWith("filters.")) {
                return path.substring("filters.".length());
            }
            if (List.of("trigger.minSpend", "trigger.companyId", "trigger.storeId").contains(path)) {
                return path.substring("trigger.".length());
            }
            if (path.startsWith("trigger.")) {
                return "eventType";
            }
            return List.of("name", "delayDays", "unlessPurchased").contains(path) ? path : "name";
        }
    }

    /** The submitted form as the API's input; {@code stored} (null for a new funnel) keeps "one of" lists as they were. */
    private static FormInput input(FormValues f, FunnelInput stored, Map<String, String> errors) {
        Funnel.Kind kind = java.util.Arrays.stream(Funnel.Kind.values()).filter(k -> k.name().equals(f.text("triggerType")))
                .findFirst().orElse(Funnel.Kind.ENROLMENT);
        boolean onPurchase = kind == Funnel.Kind.PURCHASE;
        java.math.BigDecimal minSpend = onPurchase ? f.decimal("minSpend") : null;
        if (onPurchase && !f.blank("minSpend") && (minSpend == null || minSpend.signum() < 0)) {
            errors.put("minSpend", "funnels.error.minSpend");
        }
        Long delay = FunnelEffectRows.whole(f, "delayDays", errors);
        FunnelEffectRows.Read effects = FunnelEffectRows.read(f, errors);
        EventConditionRows.Read attributes = EventConditionRows.read(f, stored == null
                || stored.trigger().attributeConditions() == null ? List.of() : stored.trigger().attributeConditions(),
                "funnels.error.attribute", errors);
        if (f.blank("name")) {
            errors.put("name", "funnels.error.name");
        }
        FunnelInput input = new FunnelInput(f.text("name"), new FunnelInput.TriggerInput(kind,
                kind == Funnel.Kind.EVENT ? f.text("eventType") : null,
                kind == Funnel.Kind.EVENT ? attributes.conditions() : List.of(), minSpend,
                onPurchase ? FunnelEffectRows.whole(f, "companyId", errors) : null,
                onPurchase ? FunnelEffectRows.whole(f, "storeId", errors) : null,
                onPurchase ? f.checked("firstPurchaseOnly") : null),
                new FunnelInput.FiltersInput(FunnelEffectRows.whole(f, "minBalance", errors),
                        FunnelEffectRows.whole(f, "maxBalance", errors), FunnelEffectRows.whole(f, "badgeId", errors),
                        FunnelEffectRows.whole(f, "tierId", errors), FunnelEffectRows.whole(f, "segmentId", errors),
                        f.blank("tag") ? null : f.text("tag")),
                delay == null ? 0 : (int) Math.min(delay, Integer.MAX_VALUE), f.checked("unlessPurchased"),
                effects.effects());
        return new FormInput(input, effects, attributes);
    }

    private static Map<String, String> values(FunnelInput in) {
        Map<String, String> v = new HashMap<>();
        v.put("name", in.name());
        v.put("triggerType", in.trigger().type().name());
        v.put("eventType", in.trigger().eventType() == null ? "" : in.trigger().eventType());
        EventConditionRows.put(in.trigger().attributeConditions(), v);
        v.put("minSpend", in.trigger().minSpend() == null ? "" : in.trigger().minSpend().toPlainString());
        v.put("companyId", FunnelEffectRows.text(in.trigger().companyId()));
        v.put("storeId", FunnelEffectRows.text(in.trigger().storeId()));
        v.put("firstPurchaseOnly", Boolean.TRUE.equals(in.trigger().firstPurchaseOnly()) ? "on" : "");
        v.put("delayDays", String.valueOf(in.delayDays()));
        v.put("unlessPurchased", in.unlessPurchased() ? "on" : "");
        FunnelInput.FiltersInput x = in.filters();
        v.put("minBalance", FunnelEffectRows.text(x.minBalance()));
        v.put("maxBalance", FunnelEffectRows.text(x.maxBalance()));
        v.put("badgeId", FunnelEffectRows.text(x.badgeId()));
        v.put("tierId", FunnelEffectRows.text(x.tierId()));
        v.put("segmentId", FunnelEffectRows.text(x.segmentId()));
        v.put("tag", x.tag() == null ? "" : x.tag());
        FunnelEffectRows.put(in.effects(), v);
        return v;
    }

    private String show(Caller caller, Model model, FunnelAdmin.View editing, Map<String, String> form,
                        Map<String, String> errors) {
        model.addAttribute("editing", editing).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("effects", FunnelEffectRows.KINDS).addAttribute("triggers", Funnel.Kind.values())
                .addAttribute("effectRows", FunnelEffectRows.shownRows(form)).addAttribute("maxEffects", FunnelEffectRows.MAX)
                .addAttribute("attributeRows", EventConditionRows.shownRows(form))
                .addAttribute("attributeOps", AttributeCondition.Op.values())
                .addAttribute("badges", choices.badges(caller, form.get("badgeId")))
                .addAttribute("tiers", choices.tiers(caller, form.get("tierId")))
                .addAttribute("segments", choices.segments(caller, form.get("segmentId")))
                .addAttribute("companies", choices.companies(caller)).addAttribute("stores", choices.stores(caller))
                .addAttribute("eventTypes", events.types(caller).stream().map(EventTypes.EventType::name).toList());
        if (!model.containsAttribute("runs")) {
            model.addAttribute("runs", List.of());
        }
        return "funnel";
    }
}
