package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.PrepaidReversalService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One prepaid sale for the operators who see it (its company's, any for the circuit administrator): how it was paid,
 * what is left, and, when it was undone, how. The seller or a company administrator voids a mistaken sale (within the
 * circuit's window, while untouched); a company administrator refunds the unspent remainder. Both ask for a reason.
 */
@Page
class PrepaidSalePage {

    private final PrepaidReversalService reversals;
    private final Tenancy tenancy;

    PrepaidSalePage(PrepaidReversalService reversals, Tenancy tenancy) {
        this.reversals = reversals;
        this.tenancy = tenancy;
    }

    @GetMapping("/prepaid/sales/{id}")
    String sale(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("state", reversals.state(caller, id));
        model.asMap().putIfAbsent("refundKey", UUID.randomUUID().toString());
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("typed", Map.of());
        return "prepaid/sale";
    }

    @PostMapping("/prepaid/sales/{id}/void")
    String voidSale(Caller caller, @PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        try {
            reversals.voidSale(caller, id, reason);
            return "redirect:/prepaid/sales/" + id + "?voided";
        } catch (InvalidInput e) {
            model.addAttribute("errors", Map.of("void-reason", "prepaid.error.refund.reason"));
        } catch (LoyaltyException e) {
            if (e.failure() == Failure.FORBIDDEN || e.failure() == Failure.NOT_FOUND) {
                throw e;
            }
            PrepaidPages.refused(e, model, "voidError");
        }
        model.addAttribute("typed", Map.of("void-reason", reason == null ? "" : reason));
        return sale(caller, id, model);
    }

    @PostMapping("/prepaid/sales/{id}/refund")
    String refund(Caller caller, @PathVariable long id, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String key,
                  Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal typed = amount == null || amount.isBlank() ? null : TypedAmount.parse(amount).orElse(null);
        if (amount != null && !amount.isBlank() && typed == null) {
            errors.put("refund-amount", "prepaid.error.amount");
        }
        if (errors.isEmpty()) {
            try {
                reversals.refund(caller, id, typed == null ? null
                        : Money.of(typed, tenancy.circuit(caller.circuit()).currency()), reason, key);
                return "redirect:/prepaid/sales/" + id + "?refunded";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put("refund-" + f, "prepaid.error.refund." + f));
            } catch (LoyaltyException e) {
                if (e.failure() == Failure.FORBIDDEN || e.failure() == Failure.NOT_FOUND) {
                    throw e;
                }
                PrepaidPages.refused(e, model, "refundError");
            }
        }
        model.addAttribute("refundKey", key).addAttribute("errors", errors).addAttribute("typed", Map.of("refund-amount", amount == null ? "" : amount,
                "refund-reason", reason == null ? "" : reason));
        return sale(caller, id, model);
    }
}
