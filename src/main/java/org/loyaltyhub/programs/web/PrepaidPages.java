package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.programs.internal.GiftCardService;
import org.loyaltyhub.programs.internal.PrepaidService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back office's prepaid credit pages: the circuit's settings (the circuit administrator changes them, company
 * administrators read them), the sales and gift cards sold (the caller's company's, or all), and a card's detail with
 * its QR code and movements. Selling is at the counter ({@link CounterPrepaidPage}).
 */
@Page
class PrepaidPages {

    private final PrepaidService prepaid;
    private final GiftCardService cards;
    private final Tenancy tenancy;

    PrepaidPages(PrepaidService prepaid, GiftCardService cards, Tenancy tenancy) {
        this.prepaid = prepaid;
        this.cards = cards;
        this.tenancy = tenancy;
    }

    @GetMapping("/admin/prepaid")
    String overview(Caller caller, @RequestParam(required = false) Integer page, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        PrepaidSettings s = prepaid.settings(caller);
        if (!model.containsAttribute("form")) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("enabled", s.enabled());
            form.put("expiryMonths", s.expiryMonths() == null ? "" : s.expiryMonths().toString());
            form.put("minAmount", s.minAmount().toPlainString());
            form.put("maxAmount", s.maxAmount().toPlainString());
            form.put("fixedAmounts", String.join(" ", s.fixedAmounts().stream().map(BigDecimal::toPlainString).toList()));
            form.put("acceptedAt", s.acceptedAt().name());
            form.put("accepting", s.acceptingCompanies());
            form.put("voidWindowHours", s.voidWindowHours().toString());
            model.addAttribute("form", form);
        }
        model.asMap().putIfAbsent("errors", Map.of());
        model.addAttribute("companies", tenancy.companies(caller))
                .addAttribute("currency", tenancy.circuit(caller.circuit()).currency())
                .addAttribute("sales", prepaid.sales(caller, PageQuery.of(page, 20)))
                .addAttribute("cards", cards.cards(caller, PageQuery.of(0, 20)));
        return "prepaid/admin";
    }

    @PostMapping("/admin/prepaid/settings")
    String change(Caller caller, @RequestParam(required = false) String enabled,
                  @RequestParam(required = false) String expiryMonths, @RequestParam(required = false) String minAmount,
                  @RequestParam(required = false) String maxAmount, @RequestParam(required = false) String fixedAmounts,
                  @RequestParam(required = false) String acceptedAt,
                  @RequestParam(required = false) List<Long> accepting,
                  @RequestParam(required = false) String voidWindowHours, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer months = null;
        if (expiryMonths != null && !expiryMonths.isBlank()) {
            months = expiryMonths.strip().matches("[0-9]{1,3}") ? Integer.valueOf(expiryMonths.strip()) : -1;
        }
        Integer window = null;
        if (voidWindowHours != null && !voidWindowHours.isBlank()) {
            window = voidWindowHours.strip().matches("[0-9]{1,4}") ? Integer.valueOf(voidWindowHours.strip()) : -1;
        }
        BigDecimal min = TypedAmount.parse(minAmount).orElse(null);
        BigDecimal max = TypedAmount.parse(maxAmount).orElse(null);
        if (min == null) {
            errors.put("minAmount", "prepaid.error.amount");
        }
        if (max == null) {
            errors.put("maxAmount", "prepaid.error.amount");
        }
        List<BigDecimal> fixed = new ArrayList<>();
        for (String typed : (fixedAmounts == null ? "" : fixedAmounts).split("[\\s;]+")) {
            if (!typed.isBlank()) {
                TypedAmount.parse(typed).ifPresentOrElse(fixed::add,
                        () -> errors.put("fixedAmounts", "prepaid.error.fixedAmounts"));
            }
        }
        if (errors.isEmpty()) {
            try {
                prepaid.changeSettings(caller, new PrepaidSettings("on".equals(enabled), months, min, max, fixed,
                        "LISTED".equals(acceptedAt) ? PrepaidSettings.AcceptedAt.LISTED : PrepaidSettings.AcceptedAt.ALL,
                        accepting == null ? List.of() : accepting, window));
                return "redirect:/admin/prepaid?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put(f, "prepaid.error." + f));
            }
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("enabled", "on".equals(enabled));
        form.put("expiryMonths", expiryMonths);
        form.put("minAmount", minAmount);
        form.put("maxAmount", maxAmount);
        form.put("fixedAmounts", fixedAmounts);
        form.put("acceptedAt", "LISTED".equals(acceptedAt) ? "LISTED" : "ALL");
        form.put("accepting", accepting == null ? List.of() : accepting);
        form.put("voidWindowHours", voidWindowHours);
        model.addAttribute("form", form).addAttribute("errors", errors);
        return overview(caller, null, model);
    }

    @GetMapping("/admin/prepaid/cards/{id}")
    String card(Caller caller, @PathVariable long id, Model model) {
        GiftCardService.Detail detail = cards.detail(caller, id);
        java.util.Currency currency = java.util.Currency.getInstance(tenancy.circuit(caller.circuit()).currency());
        model.addAttribute("detail", detail).addAttribute("qr", QrCodes.svg(detail.card().number().value()))
                .addAttribute("moves", detail.history().stream().map(m -> new Move(m.at(), m.kind(), m.reason(),
                        org.loyaltyhub.shared.Money.ofMinorUnits(m.amount(), currency))).toList());
        return "prepaid/card";
    }

    /** A line of a card's history as shown: the change in money. */
    record Move(java.time.Instant at, String kind, String reason, org.loyaltyhub.shared.Money amount) {
    }

    /** The message key of a refusal, for pages: the named problem's text, else the refusal's own message. */
    static void refused(LoyaltyException e, Model model, String attribute) {
        model.addAttribute(attribute, "problem." + e.code()).addAttribute(attribute + "Detail", e.getMessage());
    }
}
