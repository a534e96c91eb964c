package org.loyaltyhub.programs.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loyaltyhub.programs.TierStanding.Basis;
import org.loyaltyhub.programs.internal.Tier;
import org.loyaltyhub.programs.internal.TierAdmin;
import org.loyaltyhub.programs.internal.TierPolicy;
import org.loyaltyhub.programs.internal.TierPolicy.Downgrade;
import org.loyaltyhub.programs.internal.TierPolicy.Window;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The circuit's tiers (issue 9): the list, a form to add or change one, and how members qualify and move down; each
 * form can count, before saving, how many members the change would move today (htmx). A form with a mistake is
 * shown again with the message next to the field; nothing is saved.
 */
@Page
class TiersPage {

    private final TierAdmin tiers;
    private final Validator validator;
    private final MessageSource messages;

    TiersPage(TierAdmin tiers, Validator validator, MessageSource messages) {
        this.tiers = tiers;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/admin/tiers")
    String page(Caller caller, @RequestParam(required = false) Long edit, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        TierAdmin.Program program = tiers.program(caller);
        Map<String, String> tierForm = new LinkedHashMap<>();
        if (edit != null) {
            tierForm = values(program.tiers().stream().filter(t -> t.id().equals(edit)).findFirst()
                    .orElseThrow(() -> new NotFound("Tier", edit)));
        }
        return show(model, program, values(program.policy()), Map.of(), tierForm, Map.of());
    }

    @PostMapping("/admin/tiers/policy")
    String savePolicy(Caller caller, @RequestParam Map<String, String> submitted, Locale locale, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        TierPolicy policy = policy(new FormValues(submitted), errors, locale);
        if (errors.isEmpty()) {
            try {
                tiers.savePolicy(caller, policy);
                return "redirect:/admin/tiers?policySaved";
            } catch (InvalidInput e) {
                errors.putAll(localized(e, locale));
            }
        }
        return show(model, tiers.program(caller), submitted, errors, Map.of(), Map.of());
    }

    @PostMapping("/admin/tiers")
    String saveTier(Caller caller, @RequestParam Map<String, String> submitted, Locale locale, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        Tier tier = tier(new FormValues(submitted), errors, locale);
        if (errors.isEmpty()) {
            try {
                if (tier.id() == null) {
                    tiers.create(caller, tier);
                } else {
                    tiers.update(caller, tier.id(), tier);
                }
                return "redirect:/admin/tiers?tierSaved";
            } catch (InvalidInput e) {
                errors.putAll(localized(e, locale));
            }
        }
        TierAdmin.Program program = tiers.program(caller);
        return show(model, program, values(program.policy()), Map.of(), submitted, errors);
    }

    @PostMapping("/admin/tiers/delete")
    String delete(Caller caller, @RequestParam long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            tiers.delete(caller, id);
        } catch (NotFound gone) {
            // already deleted (a second click): the list shows what is left
        }
        return "redirect:/admin/tiers?tierDeleted";
    }

    /**
     * The what-if count of the form as it is now (the policy form, or a tier added or changed), answered as a
     * fragment for htmx; a mistake is named instead of a count.
     */
    @PostMapping("/admin/tiers/what-if")
    String whatIf(Caller caller, @RequestParam Map<String, String> submitted, Locale locale, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        TierAdmin.Program program = tiers.program(caller);
        FormValues f = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        TierPolicy policy = program.policy();
        List<Tier> proposed = new ArrayList<>(program.tiers());
        if (submitted.containsKey("basis")) {
            policy = policy(f, errors, locale);
        } else {
            Tier tier = tier(f, errors, locale);
            proposed.removeIf(t -> t.id().equals(tier.id()));
            proposed.add(tier);
        }
        if (errors.isEmpty()) {
            try {
                model.addAttribute("whatIf", tiers.whatIf(caller, new TierAdmin.Proposal(policy, proposed)));
            } catch (InvalidInput e) {
                errors.putAll(localized(e, locale));
            }
        }
        model.addAttribute("whatIfErrors", errors);
        return "tiers :: whatIf";
    }

    private String show(Model model, TierAdmin.Program program, Map<String, String> policyForm,
                        Map<String, String> policyErrors, Map<String, String> tierForm, Map<String, String> tierErrors) {
        model.addAttribute("tiers", program.tiers()).addAttribute("policy", program.policy())
                .addAttribute("form", policyForm).addAttribute("errors", policyErrors)
                .addAttribute("tierForm", tierForm).addAttribute("tierErrors", tierErrors)
                .addAttribute("bases", Basis.values()).addAttribute("windows", Window.values())
                .addAttribute("downgrades", Downgrade.values()).addAttribute("bonuses", TierPolicy.BonusPoints.values());
        return "tiers";
    }

    private Map<String, String> localized(InvalidInput e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> errors.put(field,
                messages.getMessage("tiers.error." + field, null, message, locale)));
        return errors;
    }

    private TierPolicy policy(FormValues f, Map<String, String> errors, Locale locale) {
        Basis basis = choice(f, "basis", Basis.class, errors, locale);
        Window window = choice(f, "window", Window.class, errors, locale);
        Downgrade downgrade = choice(f, "downgrade", Downgrade.class, errors, locale);
        Integer months = whole(f, "windowMonths", 1, 36, errors, locale);
        Integer below = whole(f, "belowMonths", 1, 36, errors, locale);
        Integer grace = whole(f, "graceDays", 0, 365, errors, locale);
        Set<TierPolicy.BonusPoints> bonus = EnumSet.noneOf(TierPolicy.BonusPoints.class);
        for (TierPolicy.BonusPoints b : TierPolicy.BonusPoints.values()) {
            if ("on".equals(f.text("bonus" + b.name()))) {
                bonus.add(b);
            }
        }
        TierPolicy p = new TierPolicy(basis, window, months, downgrade, below, grace == null ? 0 : grace, bonus);
        if (errors.isEmpty()) {
            p.problems().forEach((field, message) -> errors.put(field,
                    messages.getMessage("tiers.error." + field, null, message, locale)));
        }
        return p;
    }

    private Tier tier(FormValues f, Map<String, String> errors, Locale locale) {
        Tier t = new Tier(f.number("id"), f.text("nameEn"), f.text("nameIt"), f.text("colour"), f.text("icon"),
                decimal(f, "threshold", true, errors, locale), f.text("benefitsEn"), f.text("benefitsIt"),
                decimal(f, "earnMultiplier", false, errors, locale), decimal(f, "redeemExtraPercent", false, errors, locale),
                decimal(f, "maxDiscountAmount", false, errors, locale), decimal(f, "maxDiscountPercent", false, errors, locale));
        for (ConstraintViolation<Tier> v : validator.validate(t)) {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field, messages.getMessage("tiers.error." + field, null, v.getMessage(), locale));
        }
        return t;
    }

    private BigDecimal decimal(FormValues f, String field, boolean required, Map<String, String> errors, Locale locale) {
        if (f.blank(field)) {
            if (required) {
                errors.put(field, messages.getMessage("program.error.required", null, locale));
            }
            return null;
        }
        BigDecimal value = f.decimal(field);
        if (value == null) {
            errors.put(field, messages.getMessage("program.error.number", null, locale));
        }
        return value;
    }

    private Integer whole(FormValues f, String field, int min, int max, Map<String, String> errors, Locale locale) {
        if (f.blank(field)) {
            return null;
        }
        Long value = f.number(field);
        if (value == null || value < min || value > max) {
            errors.put(field, messages.getMessage("tiers.error.between", new Object[] {min, max}, locale));
            return null;
        }
        return value.intValue();
    }

    private <E extends Enum<E>> E choice(FormValues f, String field, Class<E> type, Map<String, String> errors,
                                         Locale locale) {
        try {
            return Enum.valueOf(type, f.text(field) == null ? "" : f.text(field));
        } catch (IllegalArgumentException e) {
            errors.put(field, messages.getMessage("program.error.required", null, locale));
            return type.getEnumConstants()[0];
        }
    }

    private static Map<String, String> values(TierPolicy p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("basis", p.basis().name());
        v.put("window", p.window().name());
        v.put("windowMonths", p.windowMonths() == null ? "" : String.valueOf(p.windowMonths()));
        v.put("downgrade", p.downgrade().name());
        v.put("belowMonths", p.belowMonths() == null ? "" : String.valueOf(p.belowMonths()));
        v.put("graceDays", String.valueOf(p.graceDays()));
        p.bonusPoints().forEach(b -> v.put("bonus" + b.name(), "on"));
        return v;
    }

    private static Map<String, String> values(Tier t) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", String.valueOf(t.id()));
        v.put("nameEn", t.nameEn());
        v.put("nameIt", t.nameIt() == null ? "" : t.nameIt());
        v.put("colour", t.colour());
        v.put("icon", t.icon() == null ? "" : t.icon());
        v.put("threshold", plain(t.threshold()));
        v.put("benefitsEn", t.benefitsEn() == null ? "" : t.benefitsEn());
        v.put("benefitsIt", t.benefitsIt() == null ? "" : t.benefitsIt());
        v.put("earnMultiplier", plain(t.earnMultiplier()));
        v.put("redeemExtraPercent", plain(t.redeemExtraPercent()));
        v.put("maxDiscountAmount", plain(t.maxDiscountAmount()));
        v.put("maxDiscountPercent", plain(t.maxDiscountPercent()));
        return v;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
