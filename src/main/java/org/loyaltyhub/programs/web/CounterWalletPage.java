package org.loyaltyhub.programs.web;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;

/**
 * Paying with the wallet at the counter: the cart total gives a quote (how much the cashback or accumulated
 * discount wallet can pay, or why not); confirming holds and at once captures the amount, given as a discount at
 * the till right then; a mistake is undone with a reason.
 */
@Page
class CounterWalletPage {

    private final WalletService wallets;
    private final Tenancy tenancy;

    CounterWalletPage(WalletService wallets, Tenancy tenancy) {
        this.wallets = wallets;
        this.tenancy = tenancy;
    }

    @GetMapping("/counter/wallet")
    String quote(Caller caller, @RequestParam long member, @RequestParam(required = false) String purpose,
                 @RequestParam(required = false) String total, Model model) {
        Purpose p = prepare(caller, member, purpose, total, model);
        BigDecimal amount = amount(total, "sale.invalidAmount", model);
        if (amount != null) {
            try {
                model.addAttribute("quote", wallets.quote(caller, MemberIdentifier.byId(member), p,
                        money(caller, amount), null, null));
            } catch (LoyaltyException e) {
                refused(e, model);
            }
        }
        return "wallet/pay :: form";
    }

    @PostMapping("/counter/wallet")
    String pay(Caller caller, @RequestParam long member, @RequestParam(required = false) String purpose,
               @RequestParam String total, @RequestParam(required = false) String amount, Model model) {
        Purpose p = prepare(caller, member, purpose, total, model);
        BigDecimal orderTotal = amount(total, "sale.invalidAmount", model);
        BigDecimal paying = orderTotal == null ? null : amount(amount, "wallet.invalidAmount", model);
        if (orderTotal == null || paying == null) {
            return "wallet/pay :: form";
        }
        try {
            WalletService.Payment held = wallets.hold(caller, MemberIdentifier.byId(member), p,
                    money(caller, orderTotal), money(caller, paying), null, null);
            model.addAttribute("paid", wallets.capture(caller, held.id(), null));
        } catch (LoyaltyException e) {
            refused(e, model);
        }
        return "wallet/pay :: form";
    }

    @PostMapping("/counter/wallet/undo")
    String undo(Caller caller, @RequestParam long member, @RequestParam long payment,
                @RequestParam(required = false) String reason, Model model) {
        prepare(caller, member, null, "", model);
        try {
            model.addAttribute("undone", wallets.undo(caller, payment, reason));
        } catch (org.loyaltyhub.shared.InvalidInput e) {
            model.addAttribute("walletError", "redeem.undoReasonNeeded");
        } catch (LoyaltyException e) {
            model.addAttribute("walletError", "problem." + e.code()).addAttribute("walletDetail", e.getMessage());
        }
        return "wallet/pay :: form";
    }

    /**
     * The refusal next to the form. An operator without a store of their own (the circuit's administrator, a company's
     * with several stores) cannot pay at a counter: the wallet's rule is the store's company's.
     */
    private static void refused(LoyaltyException e, Model model) {
        boolean noStore = e instanceof org.loyaltyhub.shared.InvalidInput i && i.fieldErrors().containsKey("storeId");
        model.addAttribute("walletError", noStore ? "wallet.needsStore" : "problem." + e.code())
                .addAttribute("walletDetail", e.getMessage());
    }

    private Purpose prepare(Caller caller, long member, String purpose, String total, Model model) {
        var summary = wallets.summary(caller, member); // not found outside the caller's scope
        var shown = wallets.purposesShown(summary);
        Purpose p = shown.stream().filter(x -> x.name().equals(purpose)).findFirst()
                .orElse(shown.isEmpty() ? Purpose.CASHBACK : shown.getFirst());
        model.addAttribute("memberId", member).addAttribute("total", total == null ? "" : total)
                .addAttribute("purpose", p.name()).addAttribute("purposes", shown);
        return p;
    }

    private Money money(Caller caller, BigDecimal amount) {
        return Money.of(amount, tenancy.circuit(caller.circuit()).currency());
    }

    private static BigDecimal amount(String typed, String error, Model model) {
        return TypedAmount.parse(typed).orElseGet(() -> {
            if (typed != null && !typed.isBlank()) {
                model.addAttribute("walletError", error);
            }
            return null;
        });
    }
}
