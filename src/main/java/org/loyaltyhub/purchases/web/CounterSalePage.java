package org.loyaltyhub.purchases.web;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.Earning;
import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Validating a purchase at the counter: the amount, a preview of the points, then the confirmation and its receipt.
 * The form carries a one-off sale id, so pressing confirm twice records the sale once.
 */
@Page
class CounterSalePage {

    private final PurchaseService purchases;
    private final Earning earning;

    CounterSalePage(PurchaseService purchases, Earning earning) {
        this.purchases = purchases;
        this.earning = earning;
    }

    /** The points the typed amount would earn, refreshed as the operator types. */
    @GetMapping("/counter/sale/preview")
    String preview(Caller caller, @RequestParam(required = false) String amount, Model model) {
        BigDecimal total = parse(amount, model);
        if (total != null) {
            model.addAttribute("preview", earning.preview(caller.circuit(), total));
        }
        return "sale :: preview";
    }

    @PostMapping("/counter/sale")
    String confirm(Caller caller, @RequestParam long member, @RequestParam String amount, @RequestParam String saleId,
                   Model model) {
        model.addAttribute("memberId", member).addAttribute("amount", amount).addAttribute("saleId", saleId);
        BigDecimal total = parse(amount, model);
        if (total == null) {
            return "sale :: sale";
        }
        try {
            Purchase purchase = purchases.record(caller, new RecordPurchase("counter-" + saleId, "pos", null,
                    MemberIdentifier.byId(member), purchases.currency(caller), total, null,
                    PurchaseStatus.COMPLETED, null, null, null));
            model.addAttribute("receipt", purchase);
        } catch (LoyaltyException e) {
            model.addAttribute("amountError", "problem." + e.code()).addAttribute("amountDetail", e.getMessage());
        }
        return "sale :: sale";
    }

    /** The typed amount, or null: nothing typed yet, or (with a message for the form) not a valid amount. */
    static BigDecimal parse(String typed, Model model) {
        return org.loyaltyhub.shared.web.TypedAmount.parse(typed).orElseGet(() -> {
            if (typed != null && !typed.isBlank()) {
                model.addAttribute("amountError", "sale.invalidAmount");
            }
            return null;
        });
    }
}
