package org.loyaltyhub.programs.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.programs.internal.GiftCardService;
import org.loyaltyhub.programs.internal.PaymentMethod;
import org.loyaltyhub.programs.internal.PrepaidReversalService;
import org.loyaltyhub.programs.internal.PrepaidSale;
import org.loyaltyhub.programs.internal.PrepaidService;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prepaid credit and gift cards (issue 11 §2): the circuit's settings, sales (to a member's prepaid account or on a
 * new gift card), gift cards' balance by number and PIN, paying with a card (then captured, released or undone as a
 * wallet payment), attaching a card to a member. A member's prepaid credit is the wallet {@code PREPAID}: its balance
 * and payments go through {@code /api/v1/members/{id}/wallets/PREPAID} and {@code /api/v1/wallet-payments}.
 */
@RestController
class PrepaidController {

    private final PrepaidService prepaid;
    private final GiftCardService cards;
    private final PrepaidReversalService reversals;

    PrepaidController(PrepaidService prepaid, GiftCardService cards, PrepaidReversalService reversals) {
        this.prepaid = prepaid;
        this.cards = cards;
        this.reversals = reversals;
    }

    record VoidRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record RefundRequest(@Valid WalletController.MoneyInput amount, @NotBlank @Size(max = 500) String reason) {
    }

    /** What is sold: {@code PREPAID_CREDIT} to a member, or a new anonymous {@code GIFT_CARD}. */
    enum SaleKind { PREPAID_CREDIT, GIFT_CARD }

    record SaleRequest(@NotNull SaleKind kind, MemberIdentifier member,
                       @NotNull @Valid WalletController.MoneyInput amount, @Valid WalletController.MoneyInput bonus,
                       @NotNull PaymentMethod paymentMethod, @NotBlank @Size(max = 100) String receiptNumber,
                       Long storeId) {
    }

    record CardAccess(@NotBlank @Size(max = 40) String cardNumber, @NotBlank @Size(max = 8) String pin) {
    }

    record CardPayment(@NotBlank @Size(max = 40) String cardNumber, @NotBlank @Size(max = 8) String pin,
                       @NotNull @Valid WalletController.MoneyInput orderTotal, @Valid WalletController.MoneyInput amount,
                       @Size(max = 120) String orderId, Long storeId) {
    }

    record Attach(@NotBlank @Size(max = 40) String cardNumber, @NotBlank @Size(max = 8) String pin,
                  @NotNull MemberIdentifier member) {
    }

    record Attached(Money moved) {
    }

    @Operation(summary = "The circuit's prepaid credit settings: on or off, expiry, amounts, accepting companies")
    @GetMapping("/api/v1/prepaid/settings")
    PrepaidSettings settings(Caller caller) {
        return prepaid.settings(caller);
    }

    @Operation(summary = "Change the prepaid credit settings (circuit administrators)")
    @PutMapping("/api/v1/prepaid/settings")
    PrepaidSettings change(Caller caller, @Valid @RequestBody PrepaidSettings s) {
        return prepaid.changeSettings(caller, s);
    }

    @Operation(summary = "Sell prepaid credit to a member or a new gift card (its PIN is in this answer only); "
            + "the receipt number makes the sale once per company: a retry answers 200 with the first sale")
    @PostMapping("/api/v1/prepaid/sales")
    ResponseEntity<PrepaidService.Sold> sell(Caller caller, @Valid @RequestBody SaleRequest r) {
        if ((r.kind() == SaleKind.PREPAID_CREDIT) != (r.member() != null)) {
            throw new InvalidInput("member", r.kind() == SaleKind.PREPAID_CREDIT
                    ? "say which member buys the prepaid credit" : "a gift card is anonymous: leave the member out");
        }
        PrepaidService.Sold sold = prepaid.sell(caller, new PrepaidService.Sell(r.member(), r.amount().money(),
                r.bonus() == null ? null : r.bonus().money(), r.paymentMethod(), r.receiptNumber(), r.storeId()));
        return ResponseEntity.status(sold.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(sold);
    }

    @Operation(summary = "Prepaid sales, newest first (the caller's company's; all for the circuit administrator)")
    @GetMapping("/api/v1/prepaid/sales")
    Page<PrepaidSale> sales(Caller caller, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        return prepaid.sales(caller, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/prepaid/sales/{id}")
    PrepaidSale sale(Caller caller, @PathVariable long id) {
        return prepaid.sale(caller, id);
    }

    @Operation(summary = "Void a mistaken sale while none of its credit was used, within the circuit's window (24 h "
            + "by default): the seller or an administrator of its company, with a reason; a new journal entry reverses "
            + "the sale's; a retry answers 200 with the first void")
    @PostMapping("/api/v1/prepaid/sales/{id}/void")
    ResponseEntity<PrepaidReversalService.Undone> voidSale(Caller caller, @PathVariable long id,
                                                           @Valid @RequestBody VoidRequest r) {
        return answered(reversals.voidSale(caller, id, r.reason()));
    }

    @Operation(summary = "Refund the unspent remainder of a sale, or part of it (company administrators, where the "
            + "law allows): it goes back to the accounts it came from. Several refunds until nothing is left, each "
            + "with its own Idempotency-Key (a retry with the same key answers 200); without a key, once per sale")
    @PostMapping("/api/v1/prepaid/sales/{id}/refund")
    ResponseEntity<PrepaidReversalService.Undone> refund(Caller caller, @PathVariable long id,
                                                         @Valid @RequestBody RefundRequest r,
                                                         @RequestHeader(name = "Idempotency-Key", required = false)
                                                         String idempotencyKey) {
        return answered(reversals.refund(caller, id, r.amount() == null ? null : r.amount().money(), r.reason(),
                idempotencyKey));
    }

    private static ResponseEntity<PrepaidReversalService.Undone> answered(PrepaidReversalService.Undone u) {
        return ResponseEntity.status(u.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(u);
    }

    @Operation(summary = "Gift cards sold, newest first, with their balance (administrators)")
    @GetMapping("/api/v1/gift-cards")
    Page<GiftCardService.Card> cards(Caller caller, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return cards.cards(caller, PageQuery.of(page, size));
    }

    @Operation(summary = "A gift card with its sale and movements (administrators)")
    @GetMapping("/api/v1/gift-cards/{id}")
    GiftCardService.Detail card(Caller caller, @PathVariable long id) {
        return cards.detail(caller, id);
    }

    @Operation(summary = "A gift card's balance by number and PIN; five wrong PINs lock the card for 15 minutes")
    @PostMapping("/api/v1/gift-cards/balance")
    GiftCardService.Card balance(Caller caller, @Valid @RequestBody CardAccess a) {
        return cards.balance(caller, a.cardNumber(), a.pin());
    }

    @Operation(summary = "Reserve an amount of a gift card for an order (without amount: the most it can pay); "
            + "capture, release or undo it under /api/v1/wallet-payments/{id}")
    @PostMapping("/api/v1/gift-cards/payments")
    ResponseEntity<WalletService.Payment> pay(Caller caller, @Valid @RequestBody CardPayment p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cards.hold(caller, p.cardNumber(), p.pin(),
                p.orderTotal().money(), p.amount() == null ? null : p.amount().money(), p.orderId(), p.storeId()));
    }

    @Operation(summary = "Attach a gift card to a member: what is left on it moves to their prepaid credit")
    @PostMapping("/api/v1/gift-cards/attach")
    Attached attach(Caller caller, @Valid @RequestBody Attach a) {
        return new Attached(cards.attach(caller, a.member(), a.cardNumber(), a.pin()));
    }
}
