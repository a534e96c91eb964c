package org.loyaltyhub.integrations.web;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.customers.Customer;
import org.loyaltyhub.integrations.internal.CodeService;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.MemberShops;
import org.loyaltyhub.integrations.internal.VoucherCodes;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.Forbidden;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * "Use in the online shop" on the pages: the customer area's coupons (a member's own voucher, at one of their shops)
 * and the back office's member page (a voucher or a wallet, by an administrator). Each answers with the page again,
 * which then shows the code to copy, or the refusal next to the button.
 */
@Page
class ShopCodePages {

    private final MemberShops shops;
    private final VoucherCodes vouchers;
    private final CodeService codes;

    ShopCodePages(MemberShops shops, VoucherCodes vouchers, CodeService codes) {
        this.shops = shops;
        this.vouchers = vouchers;
        this.codes = codes;
    }

    @PostMapping("/c/{circuitId}/my/coupons/{code}/shop/{connectionId}")
    String customerVoucher(@PathVariable long circuitId, @PathVariable String code, @PathVariable long connectionId) {
        Customer customer = signedIn(circuitId);
        Connection shop = shops.shop(circuitId, customer.memberId(), connectionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String back = "redirect:/c/" + circuitId + "/my/coupons";
        try {
            vouchers.pushForCustomer(shop, customer.memberId(),
                    codes.linkedCustomer(shop, customer.memberId()).orElse(null), null, code);
            return back + "#voucher-" + encode(code);
        } catch (LoyaltyException e) {
            return back + "?shopError=" + encode(e.code()) + "&shopVoucher=" + encode(code) + "#voucher-" + encode(code);
        }
    }

    @PostMapping("/members/{id}/shop-codes/voucher")
    String memberVoucher(Caller caller, @PathVariable long id, @RequestParam long connectionId,
                         @RequestParam String code) {
        return back(id, () -> vouchers.push(caller, connectionId, new VoucherCodes.Request(id, code)).code());
    }

    @PostMapping("/members/{id}/shop-codes/wallet")
    String memberWallet(Caller caller, @PathVariable long id, @RequestParam long connectionId,
                        @RequestParam Purpose purpose, @RequestParam(required = false) String amount) {
        return back(id, () -> {
            BigDecimal value = amount == null || amount.isBlank() ? null : parse(amount);
            return codes.issueWallet(caller, connectionId, new CodeService.WalletRequest(id, purpose, value), true)
                    .code();
        });
    }

    private static BigDecimal parse(String amount) {
        try {
            BigDecimal value = new BigDecimal(amount.strip().replace(',', '.'));
            if (value.signum() <= 0 || value.scale() > 2) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LoyaltyException("invalid-amount", Failure.INVALID, "Give an amount in euros and cents, such as 5.00")
                    .with("field", "amount");
        }
    }

    private static String back(long memberId, java.util.function.Supplier<String> make) {
        String page = "redirect:/members/" + memberId;
        try {
            return page + "?shopCode=" + encode(make.get()) + "#shop-codes";
        } catch (NotFound | Forbidden e) {
            throw e; // not the caller's member or shop: the page's own 404 or 403
        } catch (LoyaltyException e) {
            return page + "?shopError=" + encode(e.code()) + "#shop-codes";
        }
    }

    private static Customer signedIn(long circuitId) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Customer c && c.circuitId() == circuitId) {
            return c;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
