package org.loyaltyhub.programs.web;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.GiftCardService;
import org.loyaltyhub.programs.internal.PaymentMethod;
import org.loyaltyhub.programs.internal.PrepaidService;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepaid credit at the counter: sell credit to a member (by card number) or a gift card (its number, PIN and QR code
 * shown once), check a gift card's balance with its PIN, and pay part of an order with a gift card (reserved and
 * captured at once, given as a discount at the till). A member's own prepaid credit is paid with from the member's
 * counter page, like the other wallets.
 */
@Page
class CounterPrepaidPage {

    private final PrepaidService prepaid;
    private final GiftCardService cards;
    private final WalletService wallets;
    private final Tenancy tenancy;

    CounterPrepaidPage(PrepaidService prepaid, GiftCardService cards, WalletService wallets, Tenancy tenancy) {
        this.prepaid = prepaid;
        this.cards = cards;
        this.wallets = wallets;
        this.tenancy = tenancy;
    }

    @GetMapping("/counter/prepaid")
    String page(Caller caller, Model model) {
        model.addAttribute("settings", prepaid.settings(caller))
                .addAttribute("methods", PaymentMethod.values())
                .addAttribute("recent", prepaid.sales(caller, org.loyaltyhub.shared.PageQuery.of(0, 5)).items())
                .addAttribute("stores", caller.storeId() == null ? tenancy.stores(caller) : java.util.List.of());
        model.asMap().putIfAbsent("sell", new LinkedHashMap<>(Map.of("kind", "GIFT_CARD", "paymentMethod", "CASH")));
        model.asMap().putIfAbsent("errors", Map.of());
        return "prepaid/counter";
    }

    @PostMapping("/counter/prepaid/sell")
    String sell(Caller caller, @RequestParam(required = false) String kind, @RequestParam(required = false) String card,
                @RequestParam(required = false) String amount, @RequestParam(required = false) String bonus,
                @RequestParam(required = false) String paymentMethod, @RequestParam(required = false) String receipt,
                @RequestParam(required = false) Long storeId, Model model) {
        boolean giftCard = !"PREPAID_CREDIT".equals(kind);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("kind", giftCard ? "GIFT_CARD" : "PREPAID_CREDIT");
        typed.put("card", card);
        typed.put("amount", amount);
        typed.put("bonus", bonus);
        typed.put("paymentMethod", paymentMethod);
        typed.put("receipt", receipt);
        model.addAttribute("storeId", storeId);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal paid = TypedAmount.parse(amount).orElse(null);
        BigDecimal extra = bonus == null || bonus.isBlank() ? BigDecimal.ZERO : TypedAmount.parse(bonus).orElse(null);
        if (paid == null) {
            errors.put("amount", "prepaid.error.saleAmount");
        }
        if (extra == null) {
            errors.put("bonus", "prepaid.error.bonus");
        }
        if (!giftCard && (card == null || card.isBlank())) {
            errors.put("card", "prepaid.error.card");
        }
        PaymentMethod method = java.util.Arrays.stream(PaymentMethod.values())
                .filter(m -> m.name().equals(paymentMethod)).findFirst().orElse(null);
        if (method == null) {
            errors.put("paymentMethod", "prepaid.error.paymentMethod");
        }
        if (errors.isEmpty()) {
            try {
                PrepaidService.Sold sold = prepaid.sell(caller, new PrepaidService.Sell(
                        giftCard ? null : MemberIdentifier.byCard(card.strip()), money(caller, paid),
                        money(caller, extra), method, receipt, storeId));
                model.addAttribute("sold", sold);
                if (sold.sale().giftCard()) {
                    model.addAttribute("qr", QrCodes.svg(sold.sale().cardNumber().value()));
                }
                return page(caller, model);
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put(f.equals("receiptNumber") ? "receipt"
                        : f.equals("member") ? "card" : f, "prepaid.error." + f));
            } catch (NotFound e) {
                errors.put("card", "counter.notFound");
            } catch (LoyaltyException e) {
                PrepaidPages.refused(e, model, "sellError");
            }
        }
        model.addAttribute("sell", typed).addAttribute("errors", errors);
        return page(caller, model);
    }

    @PostMapping("/counter/prepaid/balance")
    String balance(Caller caller, @RequestParam(required = false) String number,
                   @RequestParam(required = false) String pin, Model model) {
        model.addAttribute("number", number);
        try {
            model.addAttribute("checked", cards.balance(caller, number, pin));
        } catch (LoyaltyException e) {
            PrepaidPages.refused(e, model, "cardError");
        }
        return page(caller, model);
    }

    @PostMapping("/counter/prepaid/pay")
    String pay(Caller caller, @RequestParam(required = false) String number, @RequestParam(required = false) String pin,
               @RequestParam(required = false) String total, @RequestParam(required = false) String amount,
               @RequestParam(required = false) Long storeId, Model model) {
        model.addAttribute("storeId", storeId).addAttribute("number", number).addAttribute("total", total).addAttribute("amount", amount);
        BigDecimal orderTotal = TypedAmount.parse(total).orElse(null);
        BigDecimal paying = TypedAmount.parse(amount).orElse(null);
        if (orderTotal == null || paying == null) {
            model.addAttribute("payError", "prepaid.error.payAmounts");
            return page(caller, model);
        }
        try {
            WalletService.Payment held = cards.hold(caller, number, pin, money(caller, orderTotal),
                    money(caller, paying), null, storeId);
            model.addAttribute("paid", wallets.capture(caller, held.id(), null));
        } catch (LoyaltyException e) {
            PrepaidPages.refused(e, model, "payError");
        }
        return page(caller, model);
    }

    private Money money(Caller caller, BigDecimal amount) {
        return Money.of(amount, tenancy.circuit(caller.circuit()).currency());
    }
}
