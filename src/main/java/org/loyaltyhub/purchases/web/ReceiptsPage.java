package org.loyaltyhub.purchases.web;

import org.loyaltyhub.purchases.ReceiptSettings;
import org.loyaltyhub.purchases.Receipts;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The back office's receipts (issue 18 §2): the circuit's rules for members' receipt codes (its administrator changes
 * them) and the queue of claims to check at the stores the operator covers, each approved or refused with a reason.
 */
@Page
class ReceiptsPage {

    private final Receipts receipts;
    private final Tenancy tenancy;

    ReceiptsPage(Receipts receipts, Tenancy tenancy) {
        this.receipts = receipts;
        this.tenancy = tenancy;
    }

    /** Claims shown per page of the queue. */
    static final int QUEUE_PAGE = 25;

    @GetMapping("/admin/receipts")
    String page(Caller caller, @RequestParam(required = false, defaultValue = "0") int page, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        if (!model.containsAttribute("form")) {
            ReceiptSettings s = receipts.settings(caller.circuit());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("enabled", s.enabled());
            form.put("maxAgeDays", s.maxAgeDays().toString());
            form.put("dailyLimit", s.dailyLimit().toPlainString());
            form.put("reviewAbove", s.reviewAbove() == null ? "" : s.reviewAbove().toPlainString());
            model.addAttribute("form", form);
        }
        model.asMap().putIfAbsent("errors", Map.of());
        model.addAttribute("pending", receipts.pending(caller, PageQuery.of(Math.max(page, 0), QUEUE_PAGE)))
                .addAttribute("stores", tenancy.stores(caller).stream().collect(Collectors.toMap(Store::id, Store::name)))
                .addAttribute("currency", tenancy.circuit(caller.circuit()).currency());
        return "receipts/admin";
    }

    @PostMapping("/admin/receipts/settings")
    String change(Caller caller, @RequestParam(required = false) String enabled,
                  @RequestParam(required = false) String maxAgeDays, @RequestParam(required = false) String dailyLimit,
                  @RequestParam(required = false) String reviewAbove, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        String days = maxAgeDays == null ? "" : maxAgeDays.strip();
        if (!days.matches("[0-9]{1,2}") || Integer.parseInt(days) < 1 || Integer.parseInt(days) > 90) {
            errors.put("maxAgeDays", "receipts.error.maxAgeDays");
        }
        Optional<BigDecimal> limit = TypedAmount.parse(dailyLimit);
        if (limit.isEmpty()) {
            errors.put("dailyLimit", "receipts.error.dailyLimit");
        }
        Optional<BigDecimal> review = TypedAmount.parse(reviewAbove);
        if (reviewAbove != null && !reviewAbove.isBlank() && review.isEmpty()) {
            errors.put("reviewAbove", "receipts.error.reviewAbove");
        }
        if (!errors.isEmpty()) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("enabled", enabled != null);
            form.put("maxAgeDays", maxAgeDays);
            form.put("dailyLimit", dailyLimit);
            form.put("reviewAbove", reviewAbove);
            model.addAttribute("form", form).addAttribute("errors", errors);
            return page(caller, 0, model);
        }
        receipts.change(caller, new ReceiptSettings(enabled != null, Integer.valueOf(days), limit.get(),
                review.orElse(null)));
        return "redirect:/admin/receipts?saved";
    }

    @PostMapping("/admin/receipts/{id}/approve")
    String approve(Caller caller, @PathVariable long id) {
        receipts.review(caller, id, true, null);
        return "redirect:/admin/receipts?approved";
    }

    @PostMapping("/admin/receipts/{id}/refuse")
    String refuse(Caller caller, @PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        try {
            receipts.review(caller, id, false, reason);
        } catch (InvalidInput e) {
            model.addAttribute("reasonError", id);
            return page(caller, 0, model);
        }
        return "redirect:/admin/receipts?refused";
    }
}
