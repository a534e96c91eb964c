package org.loyaltyhub.programs.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.RedeemableProducts;
import org.loyaltyhub.programs.ProgramSettings.Rounding;
import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.ProgramSettings.Validity;
import org.loyaltyhub.programs.internal.ProgramAdmin;
import org.loyaltyhub.shared.InvalidInput;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The program's settings (seed 004, "Impostazioni Generali" and "Impostazioni Area Cliente"): how points are earned,
 * when they count, how long they last, how they turn into a discount, and the customer area's introduction. A form
 * with a mistake is shown again with the message next to the field; nothing is saved.
 */
@Page
class ProgramPage {

    private final ProgramAdmin program;
    private final Validator validator;
    private final MessageSource messages;

    ProgramPage(ProgramAdmin program, Validator validator, MessageSource messages) {
        this.program = program;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/admin/program")
    String form(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        model.addAttribute("rules", program.rules(caller));
        return show(model, values(program.settings(caller)), Map.of());
    }

    /** A product's own rule (seed 004: "Limita/Escludi prodotti", and per-product points), added or changed. */
    @PostMapping("/admin/program/rules")
    String saveRule(Caller caller, @RequestParam Map<String, String> submitted, Locale locale, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues f = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        Parser p = new Parser(f, errors, messages.getMessage("program.error.number", null, locale),
                messages.getMessage("program.error.required", null, locale));
        ProductRule.EarnMode mode = p.choice("ruleEarnMode", ProductRule.EarnMode.class);
        Long fixed = mode == ProductRule.EarnMode.FIXED ? p.whole("ruleFixedPoints", true) : null;
        BigDecimal percent = mode == ProductRule.EarnMode.PERCENT ? p.decimal("rulePercent", true) : null;
        if (f.blank("ruleProductId")) {
            errors.put("ruleProductId", messages.getMessage("program.error.required", null, locale));
        }
        ProductRule rule = new ProductRule(f.text("ruleProductId"), mode, fixed, percent, f.checked("ruleRedeemListed"));
        if (errors.isEmpty()) {
            for (ConstraintViolation<ProductRule> v : validator.validate(rule)) {
                String field = v.getPropertyPath().toString();
                errors.putIfAbsent("rule" + Character.toUpperCase(field.charAt(0)) + field.substring(1), v.getMessage());
            }
        }
        if (errors.isEmpty()) {
            program.saveRule(caller, rule);
            return "redirect:/admin/program?ruleSaved#rules";
        }
        model.addAttribute("rules", program.rules(caller)).addAttribute("ruleForm", submitted)
                .addAttribute("ruleErrors", errors);
        return show(model, values(program.settings(caller)), Map.of());
    }

    @PostMapping("/admin/program/rules/delete")
    String deleteRule(Caller caller, @RequestParam(defaultValue = "") String productId) {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            program.deleteRule(caller, productId);
        } catch (org.loyaltyhub.shared.NotFound gone) {
            // already deleted (a second click): the list shows what is left
        }
        return "redirect:/admin/program#rules";
    }

    @PostMapping("/admin/program")
    String save(Caller caller, @RequestParam Map<String, String> submitted, Locale locale, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        ProgramSettings settings = parse(new FormValues(submitted), errors, locale);
        if (errors.isEmpty()) {
            for (ConstraintViolation<ProgramSettings> v : validator.validate(settings)) {
                errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
            }
        }
        if (errors.isEmpty()) {
            try {
                program.change(caller, settings);
                return "redirect:/admin/program?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(field -> errors.put(field,
                        messages.getMessage("program.error." + field, null, "", locale)));
            }
        }
        model.addAttribute("rules", program.rules(caller));
        return show(model, submitted, errors);
    }

    private String show(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("roundings", Rounding.values()).addAttribute("stages", Stage.values())
                .addAttribute("validities", Validity.values()).addAttribute("redeemables", RedeemableProducts.values())
                .addAttribute("earnModes", ProductRule.EarnMode.values());
        return "program";
    }

    private ProgramSettings parse(FormValues f, Map<String, String> errors, Locale locale) {
        Parser p = new Parser(f, errors, messages.getMessage("program.error.number", null, locale),
                messages.getMessage("program.error.required", null, locale));
        return new ProgramSettings(f.checked("pointsEnabled"), p.whole("earnPoints", true),
                p.decimal("earnPerAmount", true), p.choice("earnRounding", Rounding.class),
                p.choice("pendingFrom", Stage.class), p.choice("awardMoment", Stage.class),
                p.whole("registrationPoints", true), p.whole("newsletterPoints", true), p.whole("reviewPoints", true),
                f.checked("reviewPointsOnce"), p.choice("validity", Validity.class),
                p.wholeOrNull("validityMonths") == null ? null : p.wholeOrNull("validityMonths").intValue(),
                p.whole("redeemPoints", true), p.decimal("redeemValue", true), p.whole("minBalance", true),
                p.decimal("minCartTotal", true), p.decimal("maxDiscountAmount", false),
                p.decimal("maxDiscountPercent", false), f.checked("excludeDiscounted"),
                p.choice("redeemableProducts", RedeemableProducts.class), (int) p.whole("holdMinutes", true),
                f.text("introText"), f.checked("earnOnTaxAndShipping"), f.text("timeZone"));
    }

    private static Map<String, String> values(ProgramSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("pointsEnabled", s.pointsEnabled() ? "on" : "");
        v.put("earnPoints", String.valueOf(s.earnPoints()));
        v.put("earnPerAmount", plain(s.earnPerAmount()));
        v.put("earnRounding", s.earnRounding().name());
        v.put("pendingFrom", s.pendingFrom().name());
        v.put("awardMoment", s.awardMoment().name());
        v.put("registrationPoints", String.valueOf(s.registrationPoints()));
        v.put("newsletterPoints", String.valueOf(s.newsletterPoints()));
        v.put("reviewPoints", String.valueOf(s.reviewPoints()));
        v.put("reviewPointsOnce", s.reviewPointsOnce() ? "on" : "");
        v.put("validity", s.validity().name());
        v.put("validityMonths", s.validityMonths() == null ? "" : String.valueOf(s.validityMonths()));
        v.put("redeemPoints", String.valueOf(s.redeemPoints()));
        v.put("redeemValue", plain(s.redeemValue()));
        v.put("minBalance", String.valueOf(s.minBalance()));
        v.put("minCartTotal", plain(s.minCartTotal()));
        v.put("maxDiscountAmount", plain(s.maxDiscountAmount()));
        v.put("maxDiscountPercent", plain(s.maxDiscountPercent()));
        v.put("excludeDiscounted", s.excludeDiscounted() ? "on" : "");
        v.put("earnOnTaxAndShipping", s.earnOnTaxAndShipping() ? "on" : "");
        v.put("redeemableProducts", s.redeemableProducts().name());
        v.put("holdMinutes", String.valueOf(s.holdMinutes()));
        v.put("introText", s.introText() == null ? "" : s.introText());
        v.put("timeZone", s.timeZone());
        return v;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    /** Reads typed numbers and choices, noting a message for each field that does not parse. */
    private record Parser(FormValues f, Map<String, String> errors, String notANumber, String required) {

        long whole(String field, boolean needed) {
            Long value = wholeOrNull(field);
            if (value == null) {
                if (needed && !errors.containsKey(field)) {
                    errors.put(field, f.blank(field) ? required : notANumber);
                }
                return 0;
            }
            return value;
        }

        Long wholeOrNull(String field) {
            String text = f.text(field);
            if (text == null) {
                return null;
            }
            if (!text.matches("[0-9]{1,12}")) {
                errors.put(field, notANumber);
                return null;
            }
            return Long.valueOf(text);
        }

        BigDecimal decimal(String field, boolean needed) {
            if (f.blank(field)) {
                if (needed) {
                    errors.put(field, required);
                    return BigDecimal.ONE;
                }
                return null;
            }
            BigDecimal value = f.decimal(field);
            if (value == null || value.signum() < 0) {
                errors.put(field, notANumber);
                return needed ? BigDecimal.ONE : null;
            }
            return value;
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            try {
                return Enum.valueOf(type, f.text(field) == null ? "" : f.text(field));
            } catch (IllegalArgumentException e) {
                errors.put(field, required);
                return type.getEnumConstants()[0];
            }
        }
    }
}
