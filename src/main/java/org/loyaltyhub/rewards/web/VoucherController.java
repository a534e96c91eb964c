package org.loyaltyhub.rewards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.rewards.FulfilmentStatus;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherStatus;
import org.loyaltyhub.rewards.internal.VoucherService;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** Vouchers at tills and in the back office: look up, redeem, cancel, and physical rewards' fulfilment. */
@RestController
@Tag(name = "Vouchers", description = "Voucher lookup, redemption at tills, cancellation and fulfilment")
class VoucherController {

    private final VoucherService vouchers;
    private final Tenancy tenancy;

    VoucherController(VoucherService vouchers, Tenancy tenancy) {
        this.vouchers = vouchers;
        this.tenancy = tenancy;
    }

    /** memberId: the member using a campaign's shared code (such as SUMMER10), or a campaign code not yet given out. */
    record Redeem(@Size(min = 1, max = 120) String orderId, Long storeId, Long memberId,
                  @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal cartTotal) {
    }

    record Cancel(@NotBlank @Size(max = 200) String reason) {
    }

    record Fulfil(@NotNull FulfilmentStatus status, Long storeId) {
    }

    @GetMapping("/api/v1/vouchers")
    @Operation(summary = "Searches the circuit's vouchers by code, or lists them by status")
    Page<Voucher> search(Caller caller, @RequestParam(required = false) @Size(max = 64) String code,
                         @RequestParam(required = false) VoucherStatus status,
                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return vouchers.search(caller, code, status, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/vouchers/fulfilment")
    @Operation(summary = "Physical rewards waiting to be prepared or handed over, at the caller's stores")
    List<VoucherService.QueueItem> queue(Caller caller) {
        return vouchers.fulfilmentQueue(caller);
    }

    @GetMapping("/api/v1/vouchers/{code}")
    @Operation(summary = "A voucher by its code: what it gives, whether it can be redeemed here, its changes")
    VoucherService.Lookup lookup(Caller caller, @PathVariable String code) {
        return vouchers.lookup(caller, code);
    }

    @PostMapping("/api/v1/vouchers/{code}/redeem")
    @Operation(summary = "Redeems a voucher, or a coupon campaign's code, at the till for an order",
            description = "Idempotent: the same order redeeming it again gets the voucher as it is. A campaign's "
                    + "shared code (such as SUMMER10) needs the member using it and records that member's use. Refused "
                    + "with a problem saying why: expired, used, cancelled, another store's or another circuit's "
                    + "voucher, a campaign's limit reached.")
    Voucher redeem(Caller caller, @PathVariable String code, @Valid @RequestBody(required = false) Redeem r) {
        return vouchers.redeem(caller, code, r == null ? null : r.memberId(), r == null ? null : r.orderId(), r == null ? null : r.storeId(),
                r == null || r.cartTotal() == null ? null
                        : Money.of(r.cartTotal(), tenancy.circuit(caller.circuit()).currency()));
    }

    @PostMapping("/api/v1/vouchers/{code}/cancel")
    @Operation(summary = "Cancels an unused voucher (circuit administrators); points back if the reward says so")
    Voucher cancel(Caller caller, @PathVariable String code, @Valid @RequestBody Cancel c) {
        return vouchers.cancel(caller, code, c.reason());
    }

    @PostMapping("/api/v1/vouchers/{code}/fulfilment")
    @Operation(summary = "Moves a physical reward on: READY, HANDED_OVER, or CANCELLED (points back)")
    Voucher fulfil(Caller caller, @PathVariable String code, @Valid @RequestBody Fulfil f) {
        return vouchers.fulfil(caller, code, f.status(), f.storeId());
    }
}
