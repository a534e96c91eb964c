package org.loyaltyhub.programs.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.MoneyRates;
import org.loyaltyhub.programs.internal.WalletPolicy;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.programs.internal.WalletService.Direction;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's money wallets ({@code CASHBACK}, {@code DISCOUNT}): balance, history, paying part of an order
 * (quote, hold, capture, release, undo) and manual operations; and the money programs' rules.
 */
@RestController
class WalletController {

    private final WalletService wallets;
    private final org.loyaltyhub.programs.internal.MoneyProgramAdmin programAdmin;

    WalletController(WalletService wallets, org.loyaltyhub.programs.internal.MoneyProgramAdmin programAdmin) {
        this.programAdmin = programAdmin;
        this.wallets = wallets;
    }

    /** An amount as a client sends it: ISO currency and a decimal amount (a string or number, never a float). */
    record MoneyInput(@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
                      @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal amount) {

        Money money() {
            return Money.of(amount, currency);
        }
    }

    record QuoteRequest(@NotNull MemberIdentifier member, @NotNull Purpose purpose, @NotNull @Valid MoneyInput orderTotal,
                        @Valid MoneyInput amount, Long storeId) {
    }

    record HoldRequest(@NotNull MemberIdentifier member, @NotNull Purpose purpose, @NotNull @Valid MoneyInput orderTotal,
                       @Valid MoneyInput amount, @Size(max = 120) String orderId, Long storeId) {
    }

    record Capture(@Size(max = 120) String orderId) {
    }

    record Undo(@NotBlank @Size(max = 200) String reason) {
    }

    record Adjustment(@NotNull Direction direction, @NotNull @Valid MoneyInput amount,
                      @NotBlank @Size(max = 500) String note) {
    }

    @Operation(summary = "The member's wallet of a purpose (CASHBACK or DISCOUNT): available, pending, held, expiring")
    @GetMapping("/api/v1/members/{id}/wallets/{purpose}")
    WalletService.Balance balance(Caller caller, @PathVariable long id, @PathVariable Purpose purpose) {
        return wallets.balance(caller, id, purpose);
    }

    @Operation(summary = "The member's wallet movements, newest first, with their reasons")
    @GetMapping("/api/v1/members/{id}/wallets/{purpose}/movements")
    Page<WalletService.Movement> history(Caller caller, @PathVariable long id, @PathVariable Purpose purpose,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return wallets.history(caller, id, purpose, PageQuery.of(page, size));
    }

    @Operation(summary = "Preview a manual credit or debit of the wallet (administrators)")
    @PostMapping("/api/v1/members/{id}/wallets/{purpose}/adjustments/preview")
    WalletService.Preview preview(Caller caller, @PathVariable long id, @PathVariable Purpose purpose,
                                  @Valid @RequestBody Adjustment a) {
        return wallets.preview(caller, id, purpose, a.direction(), a.amount().money());
    }

    @Operation(summary = "Credit or debit the wallet by hand, with an internal note (administrators)")
    @PostMapping("/api/v1/members/{id}/wallets/{purpose}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    WalletService.Adjusted adjust(Caller caller, @PathVariable long id, @PathVariable Purpose purpose,
                                  @Valid @RequestBody Adjustment a) {
        return wallets.adjust(caller, id, purpose, a.direction(), a.amount().money(), a.note());
    }

    @Operation(summary = "How much the wallet can pay of an order (minimum order, maximum share, balance)")
    @PostMapping("/api/v1/wallet-payments/quote")
    WalletPolicy.Quote quote(Caller caller, @Valid @RequestBody QuoteRequest r) {
        return wallets.quote(caller, r.member(), r.purpose(), r.orderTotal().money(),
                r.amount() == null ? null : r.amount().money(), r.storeId());
    }

    @Operation(summary = "Reserve a wallet amount for an order; capture it when the order is paid, or release it")
    @PostMapping("/api/v1/wallet-payments")
    @ResponseStatus(HttpStatus.CREATED)
    WalletService.Payment hold(Caller caller, @Valid @RequestBody HoldRequest r) {
        return wallets.hold(caller, r.member(), r.purpose(), r.orderTotal().money(),
                r.amount() == null ? null : r.amount().money(), r.orderId(), r.storeId());
    }

    @GetMapping("/api/v1/wallet-payments/{id}")
    WalletService.Payment get(Caller caller, @PathVariable long id) {
        return wallets.get(caller, id);
    }

    @PostMapping("/api/v1/wallet-payments/{id}/capture")
    WalletService.Payment capture(Caller caller, @PathVariable long id, @Valid @RequestBody(required = false) Capture c) {
        return wallets.capture(caller, id, c == null ? null : c.orderId());
    }

    @PostMapping("/api/v1/wallet-payments/{id}/release")
    WalletService.Payment release(Caller caller, @PathVariable long id) {
        return wallets.release(caller, id);
    }

    @Operation(summary = "Give back a captured wallet payment (a sale cancelled on the spot), with the reason")
    @PostMapping("/api/v1/wallet-payments/{id}/undo")
    WalletService.Payment undo(Caller caller, @PathVariable long id, @Valid @RequestBody Undo u) {
        return wallets.undo(caller, id, u.reason());
    }

    @Operation(summary = "A money program's rule: the circuit's, or a company's own with companyId")
    @GetMapping("/api/v1/money-programs/{purpose}")
    MoneyProgram program(Caller caller, @PathVariable Purpose purpose, @RequestParam(required = false) Long companyId) {
        return programAdmin.program(caller, purpose, companyId);
    }

    @PutMapping("/api/v1/money-programs/{purpose}")
    MoneyProgram change(Caller caller, @PathVariable Purpose purpose, @RequestParam(required = false) Long companyId,
                        @Valid @RequestBody MoneyProgram p) {
        return programAdmin.changeProgram(caller, purpose, companyId, p);
    }

    @DeleteMapping("/api/v1/money-programs/{purpose}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeOverride(Caller caller, @PathVariable Purpose purpose, @RequestParam long companyId) {
        programAdmin.removeOverride(caller, purpose, companyId);
    }

    /** A percentage as a client sends it (a string or a number, never a float). */
    record Rate(@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal percent) {
    }

    @Operation(summary = "Products' own rates of a money program: a line of the product earns its percentage, "
            + "whatever the store's or company's rate")
    @GetMapping("/api/v1/money-programs/{purpose}/product-rates")
    List<MoneyRates.ProductRate> productRates(Caller caller, @PathVariable Purpose purpose) {
        return programAdmin.productRates(caller, purpose);
    }

    @Operation(summary = "Sets a product's own rate (0: the product earns nothing); circuit administrators")
    @PutMapping("/api/v1/money-programs/{purpose}/product-rates/{productId}")
    MoneyRates.ProductRate changeProductRate(Caller caller, @PathVariable Purpose purpose,
                                             @PathVariable String productId, @Valid @RequestBody Rate rate) {
        return programAdmin.changeProductRate(caller, purpose, new MoneyRates.ProductRate(productId, rate.percent()));
    }

    @DeleteMapping("/api/v1/money-programs/{purpose}/product-rates/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeProductRate(Caller caller, @PathVariable Purpose purpose, @PathVariable String productId) {
        programAdmin.removeProductRate(caller, purpose, productId);
    }

    @Operation(summary = "Stores' own rates of a money program: sales at the store earn its percentage instead of "
            + "the company's or the circuit's")
    @GetMapping("/api/v1/money-programs/{purpose}/store-rates")
    List<MoneyRates.StoreRate> storeRates(Caller caller, @PathVariable Purpose purpose) {
        return programAdmin.storeRates(caller, purpose);
    }

    @Operation(summary = "Sets a store's own rate: any store for circuit administrators, their own for a company's")
    @PutMapping("/api/v1/money-programs/{purpose}/store-rates/{storeId}")
    MoneyRates.StoreRate changeStoreRate(Caller caller, @PathVariable Purpose purpose, @PathVariable long storeId,
                                         @Valid @RequestBody Rate rate) {
        return programAdmin.changeStoreRate(caller, purpose, storeId, rate.percent());
    }

    @DeleteMapping("/api/v1/money-programs/{purpose}/store-rates/{storeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeStoreRate(Caller caller, @PathVariable Purpose purpose, @PathVariable long storeId) {
        programAdmin.removeStoreRate(caller, purpose, storeId);
    }
}
