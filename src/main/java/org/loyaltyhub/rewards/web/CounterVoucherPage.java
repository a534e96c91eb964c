package org.loyaltyhub.rewards.web;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.MalformedVoucherCode;
import org.loyaltyhub.rewards.internal.VoucherService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Vouchers at the counter: scan or type a code, see what it gives and whether it can be used here (or why not),
 * redeem it; and the physical rewards waiting at this store. A redemption carries a key made when the voucher was
 * shown, so a double tap redeems once. A coupon campaign's shared code (SUMMER10) asks for the member's card first.
 */
@Page
class CounterVoucherPage {

    private final VoucherService vouchers;
    private final Tenancy tenancy;
    private final Members members;

    CounterVoucherPage(VoucherService vouchers, Tenancy tenancy, Members members) {
        this.vouchers = vouchers;
        this.tenancy = tenancy;
        this.members = members;
    }

    @GetMapping("/counter/vouchers")
    String show(Caller caller, @RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code).addAttribute("queue", vouchers.fulfilmentQueue(caller));
        if (code != null && !code.isBlank()) {
            look(caller, code, model);
        }
        return "rewards/counter";
    }

    @PostMapping("/counter/vouchers/redeem")
    String redeem(Caller caller, @RequestParam String code, @RequestParam(required = false) String total,
                  @RequestParam(required = false) String requestKey, @RequestParam(required = false) String card,
                  Model model) {
        model.addAttribute("code", code).addAttribute("queue", vouchers.fulfilmentQueue(caller));
        BigDecimal amount = TypedAmount.parse(total).orElse(null);
        if (total != null && !total.isBlank() && amount == null) {
            model.addAttribute("totalError", "sale.invalidAmount");
            look(caller, code, model);
            return "rewards/counter";
        }
        String key = requestKey != null && requestKey.matches("[0-9a-f-]{36}") ? requestKey : UUID.randomUUID().toString();
        try {
            Money cart = amount == null ? null : Money.of(amount, tenancy.circuit(caller.circuit()).currency());
            Long member = card == null || card.isBlank() ? null
                    : members.resolve(caller, MemberIdentifier.byCard(card.strip()));
            model.addAttribute("redeemed", vouchers.redeem(caller, code, member, "counter:" + key, null, cart));
        } catch (LoyaltyException e) {
            model.addAttribute("voucherError", "problem." + e.code()).addAttribute("voucherDetail", e.getMessage());
            look(caller, code, model);
        }
        return "rewards/counter";
    }

    private void look(Caller caller, String code, Model model) {
        try {
            model.addAttribute("lookup", vouchers.lookup(caller, code))
                    .addAttribute("requestKey", UUID.randomUUID().toString());
        } catch (NotFound e) {
            model.addAttribute("voucherError", "vouchers.unknown");
        } catch (MalformedVoucherCode e) {
            if (!CampaignDetails.sharedShaped(code)) {
                model.addAttribute("voucherError", "problem." + e.code()).addAttribute("voucherDetail", e.getMessage());
                return;
            }
            try {
                model.addAttribute("shared", vouchers.sharedCampaign(caller, code))
                        .addAttribute("requestKey", UUID.randomUUID().toString());
            } catch (NotFound unknown) {
                model.addAttribute("voucherError", "vouchers.unknown");
            } catch (LoyaltyException refused) {
                model.addAttribute("voucherError", "problem." + refused.code())
                        .addAttribute("voucherDetail", refused.getMessage());
            }
        } catch (LoyaltyException e) {
            model.addAttribute("voucherError", "problem." + e.code()).addAttribute("voucherDetail", e.getMessage());
        }
    }
}
