package org.loyaltyhub.purchases.web;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.Earning;
import org.loyaltyhub.programs.MemberDiscount;
import org.loyaltyhub.programs.MemberDiscounts;
import org.loyaltyhub.shared.Money;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Validating a purchase at the counter: the amount, a preview of the points, then the confirmation and its receipt.
 * The form carries a one-off sale id, so pressing confirm twice records the sale once.
 */
@Page
class CounterSalePage {

    private final PurchaseService purchases;
    private final Earning earning;
    private final MemberDiscounts discounts;

    CounterSalePage(PurchaseService purchases, Earning earning, MemberDiscounts discounts) {
        this.purchases = purchases;
        this.earning = earning;
        this.discounts = discounts;
    }

    /** How many product lines the counter form offers (each optional). */
    static final int LINES = 4;

    /** The points the typed amount (and lines) would earn, refreshed as the operator types. */
    @org.springframework.web.bind.annotation.PostMapping("/counter/sale/preview") // a POST: the form's CSRF token stays out of addresses
    String preview(Caller caller, @RequestParam java.util.Map<String, String> form, Model model) {
        java.util.List<CounterLine> lines = CounterLine.read(form, LINES);
        BigDecimal total = total(form.get("amount"), lines, model);
        if (total != null && lines.stream().noneMatch(CounterLine::invalid)) {
            Long member = form.getOrDefault("member", "").matches("[0-9]{1,18}") ? Long.valueOf(form.get("member")) : null;
            BigDecimal toPay = member == null ? total : discounted(caller, member, total, model);
            model.addAttribute("preview", earning.preview(caller.circuit(), member, toPay,
                    lines.stream().map(CounterLine::facts).toList()));
        }
        return "sale :: preview";
    }

    @PostMapping("/counter/sale")
    String confirm(Caller caller, @RequestParam long member, @RequestParam String saleId,
                   @RequestParam java.util.Map<String, String> form, Model model) {
        String amount = form.getOrDefault("amount", "");
        java.util.List<CounterLine> lines = CounterLine.read(form, LINES);
        model.addAttribute("memberId", member).addAttribute("amount", amount).addAttribute("saleId", saleId)
                .addAttribute("form", form);
        if (lines.stream().anyMatch(CounterLine::invalid)) {
            model.addAttribute("linesError", "sale.invalidLine");
            return "sale :: sale";
        }
        BigDecimal total = total(amount, lines, model);
        if (total == null) {
            if (amount.isBlank() && lines.isEmpty()) {
                model.addAttribute("amountError", "sale.invalidAmount");
            }
            return "sale :: sale";
        }
        try {
            total = discounted(caller, member, total, model);
            Purchase purchase = purchases.record(caller, new RecordPurchase("counter-" + saleId, "pos", null,
                    MemberIdentifier.byId(member), purchases.currency(caller), total, null,
                    PurchaseStatus.COMPLETED, null, null, lines.isEmpty() ? null
                    : lines.stream().map(CounterLine::input).toList()));
            model.addAttribute("receipt", purchase);
        } catch (LoyaltyException e) {
            model.addAttribute("amountError", "problem." + e.code()).addAttribute("amountDetail", e.getMessage());
        }
        return "sale :: sale";
    }

    /**
     * What the member pays: the total less their membership plan's counter discount, shown on the preview and the
     * receipt ("Member discount 10 %: −4.50"); the purchase is recorded, and earns, at that discounted total.
     */
    private BigDecimal discounted(Caller caller, long member, BigDecimal total, Model model) {
        Optional<MemberDiscount> discount = discounts.atCounter(caller.circuit(), member);
        if (discount.isEmpty()) {
            return total;
        }
        Money full = new Money(total, java.util.Currency.getInstance(purchases.currency(caller)));
        Money toPay = discount.get().toPay(full);
        model.addAttribute("discount", discount.get()).addAttribute("discountOff", discount.get().off(full))
                .addAttribute("toPay", toPay);
        return toPay.amount();
    }

    /** The typed amount; without one, the sum of the lines; null (with a message when typed wrong) otherwise. */
    private static BigDecimal total(String typed, java.util.List<CounterLine> lines, Model model) {
        if ((typed == null || typed.isBlank()) && !lines.isEmpty() && lines.stream().noneMatch(CounterLine::invalid)) {
            return lines.stream().map(l -> l.facts().amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, java.math.RoundingMode.HALF_UP);
        }
        return parse(typed, model);
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
