package org.loyaltyhub.programs.web;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.programs.internal.RedemptionPolicy.Quote;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.List;

/**
 * Redeeming points at the counter: the cart total gives a quote (how many points, what discount, or why not);
 * confirming holds and at once captures the points, since the discount is given at the till right then.
 */
@Page
class CounterRedeemPage {

    private final RedemptionService redemptions;
    private final PointsService points;
    private final Tenancy tenancy;

    CounterRedeemPage(RedemptionService redemptions, PointsService points, Tenancy tenancy) {
        this.redemptions = redemptions;
        this.points = points;
        this.tenancy = tenancy;
    }

    @GetMapping("/counter/redeem")
    String quote(Caller caller, @RequestParam long member, @RequestParam(required = false) String total, Model model) {
        model.addAttribute("memberId", member).addAttribute("total", total == null ? "" : total);
        BigDecimal amount = amount(total, model);
        if (amount != null) {
            Quote quote = redemptions.quote(caller, MemberIdentifier.byId(member), cart(caller, amount), null);
            model.addAttribute("quote", quote);
        }
        return "redeem :: redeem";
    }

    @PostMapping("/counter/redeem")
    String confirm(Caller caller, @RequestParam long member, @RequestParam String total,
                   @RequestParam(required = false) String points, Model model) {
        model.addAttribute("memberId", member).addAttribute("total", total);
        BigDecimal amount = amount(total, model);
        if (amount == null) {
            return "redeem :: redeem";
        }
        Long wanted = wholePoints(points);
        if (wanted == null) {
            model.addAttribute("redeemError", "redeem.invalidPoints");
            return "redeem :: redeem";
        }
        try {
            RedemptionService.Redemption held = redemptions.hold(caller, MemberIdentifier.byId(member),
                    cart(caller, amount), wanted, null, null);
            model.addAttribute("redeemed", redemptions.capture(caller, held.id(), null))
                    .addAttribute("balance", this.points.balance(caller, member))
                    .addAttribute("saleOob", "true").addAttribute("saleId", java.util.UUID.randomUUID().toString());
        } catch (LoyaltyException e) {
            model.addAttribute("redeemError", "problem." + e.code()).addAttribute("redeemDetail", e.getMessage());
        }
        return "redeem :: redeem";
    }

    /** Undoes the redemption just captured, with the operator's reason; the points come back at once. */
    @PostMapping("/counter/redeem/undo")
    String undo(Caller caller, @RequestParam long member, @RequestParam long redemption,
                @RequestParam(required = false) String reason, Model model) {
        model.addAttribute("memberId", member).addAttribute("total", "");
        try {
            model.addAttribute("undone", redemptions.undo(caller, redemption, reason))
                    .addAttribute("balance", this.points.balance(caller, member))
                    .addAttribute("saleOob", "true").addAttribute("saleId", java.util.UUID.randomUUID().toString());
        } catch (org.loyaltyhub.shared.InvalidInput e) {
            model.addAttribute("redeemError", "redeem.undoReasonNeeded");
        } catch (LoyaltyException e) {
            model.addAttribute("redeemError", "problem." + e.code()).addAttribute("redeemDetail", e.getMessage());
        }
        return "redeem :: redeem";
    }

    private RedemptionService.Cart cart(Caller caller, BigDecimal amount) {
        return new RedemptionService.Cart(Money.of(amount, tenancy.circuit(caller.circuit()).currency()), List.of());
    }

    /** The points the operator chose to use (up to the quote's maximum), or null when not a whole positive number. */
    private static Long wholePoints(String typed) {
        String digits = typed == null ? "" : typed.strip();
        return digits.matches("[0-9]{1,12}") && Long.parseLong(digits) > 0 ? Long.valueOf(digits) : null;
    }

    /** The typed amount, or null: nothing typed yet, or (with a message for the form) not a valid amount. */
    static BigDecimal amount(String typed, Model model) {
        return org.loyaltyhub.shared.web.TypedAmount.parse(typed).orElseGet(() -> {
            if (typed != null && !typed.isBlank()) {
                model.addAttribute("redeemError", "sale.invalidAmount");
            }
            return null;
        });
    }
}
