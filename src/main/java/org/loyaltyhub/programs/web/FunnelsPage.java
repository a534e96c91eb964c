package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.CampaignEventService;
import org.loyaltyhub.programs.internal.promotions.EventTypes;
import org.loyaltyhub.programs.internal.promotions.Funnel;
import org.loyaltyhub.programs.internal.promotions.FunnelAdmin;
import org.loyaltyhub.programs.internal.promotions.FunnelInput;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
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

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Automation funnels in the back office (issue 12 §3): the list, a funnel's form (trigger, delay, filters, one
 * effect, such as a message in Italian and English; the API takes up to five), activate / pause, and the run log of each member (waiting, acted, skipped and why).
 */
@Page
class FunnelsPage {

    private static final List<PromotionEffect.Kind> EFFECTS = Arrays.stream(PromotionEffect.Kind.values())
            .filter(PromotionEffect.Kind::offPurchase).toList();

    private final FunnelAdmin funnels;
    private final CampaignEventService events;

    FunnelsPage(FunnelAdmin funnels, CampaignEventService events) {
        this.funnels = funnels;
        this.events = events;
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
                "effectType", "FIXED_POINTS")), Map.of());
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
        FunnelInput input = input(new FormValues(form), errors);
        if (errors.isEmpty()) {
            try {
                FunnelAdmin.View saved = id == null ? funnels.create(caller, input) : funnels.update(caller, id, input);
                return "redirect:/admin/funnels/" + saved.id() + "?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(path -> errors.put(fieldOf(path), "funnels.error." + fieldOf(path)));
            }
        }
        if (editing != null) {
            model.addAttribute("runs", funnels.runs(caller, id, null));
        }
        return show(caller, model, editing, form, errors);
    }

    /** The form field an error's path names ("effects[0].points", "filters.badgeId", "trigger.eventType"). */
    static String fieldOf(String path) {
        if (path.contains("message.")) {
            return path.substring(path.lastIndexOf("message.") + "message.".length());
        }
        if (path.startsWith("effects")) {
            return "effectValue";
        }
        if (path.startsWith("filters.")) {
            return path.substring("filters.".length());
        }
        if (path.startsWith("trigger.")) {
            return "eventType";
        }
        return List.of("name", "delayDays", "unlessPurchased").contains(path) ? path : "name";
    }

    private static FunnelInput input(FormValues f, Map<String, String> errors) {
        Funnel.Kind kind = "EVENT".equals(f.text("triggerType")) ? Funnel.Kind.EVENT : Funnel.Kind.ENROLMENT;
        Long delay = whole(f, "delayDays", errors);
        PromotionEffect.Kind effect = EFFECTS.stream().filter(k -> k.name().equals(f.text("effectType"))).findFirst()
                .orElse(PromotionEffect.Kind.FIXED_POINTS);
        PromotionInput.EffectInput effectInput;
        if (effect == PromotionEffect.Kind.TAG) {
            effectInput = new PromotionInput.EffectInput(effect, null, f.text("effectValue"));
        } else if (effect == PromotionEffect.Kind.MESSAGE) {
            effectInput = new PromotionInput.EffectInput(effect, null, null, null, null, null,
                    new PromotionInput.MessageInput(f.text("subjectIt"), f.text("bodyIt"), f.text("subjectEn"),
                            f.text("bodyEn")));
        } else {
            Long value = whole(f, "effectValue", errors);
            effectInput = effect == PromotionEffect.Kind.VOUCHER
                    ? new PromotionInput.EffectInput(effect, value, null)
                    : new PromotionInput.EffectInput(effect, value, null, null);
        }
        if (f.blank("name")) {
            errors.put("name", "funnels.error.name");
        }
        return new FunnelInput(f.text("name"), new FunnelInput.TriggerInput(kind,
                kind == Funnel.Kind.EVENT ? f.text("eventType") : null, List.of()),
                new FunnelInput.FiltersInput(whole(f, "minBalance", errors), whole(f, "maxBalance", errors),
                        whole(f, "badgeId", errors), whole(f, "tierId", errors), whole(f, "segmentId", errors),
                        f.blank("tag") ? null : f.text("tag")),
                delay == null ? 0 : (int) Math.min(delay, Integer.MAX_VALUE), f.checked("unlessPurchased"),
                List.of(effectInput));
    }

    private static Long whole(FormValues f, String field, Map<String, String> errors) {
        if (f.blank(field)) {
            return null;
        }
        BigDecimal n = f.decimal(field);
        if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            errors.put(field, "funnels.error." + field);
            return null;
        }
        return n.longValue();
    }

    private static Map<String, String> values(FunnelInput in) {
        Map<String, String> v = new HashMap<>();
        v.put("name", in.name());
        v.put("triggerType", in.trigger().type().name());
        v.put("eventType", in.trigger().eventType() == null ? "" : in.trigger().eventType());
        v.put("delayDays", String.valueOf(in.delayDays()));
        v.put("unlessPurchased", in.unlessPurchased() ? "on" : "");
        FunnelInput.FiltersInput x = in.filters();
        v.put("minBalance", text(x.minBalance()));
        v.put("maxBalance", text(x.maxBalance()));
        v.put("badgeId", text(x.badgeId()));
        v.put("tierId", text(x.tierId()));
        v.put("segmentId", text(x.segmentId()));
        v.put("tag", x.tag() == null ? "" : x.tag());
        PromotionInput.EffectInput e = in.effects().getFirst();
        v.put("effectType", e.type().name());
        v.put("effectValue", switch (e.type()) {
            case VOUCHER -> text(e.rewardId());
            case TAG -> e.tag();
            case MESSAGE -> "";
            default -> text(e.points());
        });
        if (e.message() != null) {
            v.put("subjectIt", e.message().subjectIt());
            v.put("bodyIt", e.message().bodyIt());
            v.put("subjectEn", e.message().subjectEn());
            v.put("bodyEn", e.message().bodyEn());
        }
        return v;
    }

    private static String text(Long n) {
        return n == null ? "" : n.toString();
    }

    private String show(Caller caller, Model model, FunnelAdmin.View editing, Map<String, String> form,
                        Map<String, String> errors) {
        model.addAttribute("editing", editing).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("effects", EFFECTS).addAttribute("triggers", Funnel.Kind.values())
                .addAttribute("eventTypes", events.types(caller).stream().map(EventTypes.EventType::name).toList());
        if (!model.containsAttribute("runs")) {
            model.addAttribute("runs", List.of());
        }
        return "funnel";
    }
}
