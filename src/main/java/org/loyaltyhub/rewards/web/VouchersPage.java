package org.loyaltyhub.rewards.web;

import org.loyaltyhub.rewards.FulfilmentStatus;
import org.loyaltyhub.rewards.MalformedVoucherCode;
import org.loyaltyhub.rewards.VoucherStatus;
import org.loyaltyhub.rewards.internal.VoucherService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Vouchers in the back office: search by code or list by status, and the fulfilment queue of physical rewards
 * (also on the counter's voucher page), where they are marked ready, handed over or cancelled with the points back.
 */
@Page
class VouchersPage {

    private final VoucherService vouchers;

    VouchersPage(VoucherService vouchers) {
        this.vouchers = vouchers;
    }

    @GetMapping("/vouchers")
    String search(Caller caller, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        VoucherStatus wanted = status == null || status.isBlank() ? null
                : java.util.Arrays.stream(VoucherStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        model.addAttribute("code", code == null ? "" : code).addAttribute("status", wanted)
                .addAttribute("statuses", VoucherStatus.values()).addAttribute("queue", vouchers.fulfilmentQueue(caller));
        try {
            model.addAttribute("found", vouchers.search(caller, code, wanted, PageQuery.of(Math.max(page, 0), 20)));
        } catch (MalformedVoucherCode e) {
            model.addAttribute("found", org.loyaltyhub.shared.Page.of(java.util.List.of(), PageQuery.of(0, 20), 0))
                    .addAttribute("codeError", "problem.malformed-voucher-code");
        }
        return "rewards/vouchers";
    }

    /** Moves a physical reward on, then goes back to the page it was asked from. */
    @PostMapping("/vouchers/{code}/fulfilment")
    String fulfil(Caller caller, @PathVariable String code, @RequestParam String status,
                  @RequestParam(required = false) Long storeId, @RequestParam(defaultValue = "/vouchers") String back,
                  RedirectAttributes flash) {
        try {
            FulfilmentStatus target = FulfilmentStatus.valueOf(status);
            vouchers.fulfil(caller, code, target, storeId);
            flash.addFlashAttribute("fulfilled", target.name());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("fulfilError", "problem.fulfilment-step");
        } catch (LoyaltyException e) {
            flash.addFlashAttribute("fulfilError", "problem." + e.code()).addFlashAttribute("fulfilDetail", e.getMessage());
        }
        return "redirect:" + ("/counter/vouchers".equals(back) ? "/counter/vouchers" : "/vouchers");
    }
}
