package org.loyaltyhub.integrations.web;

import jakarta.validation.Valid;
import org.loyaltyhub.integrations.internal.CodeService;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Discount codes for points or wallet money, created in the connection's shop by a company's administrator. */
@RestController
class CodeController {

    private final CodeService codes;

    CodeController(CodeService codes) {
        this.codes = codes;
    }

    @PostMapping("/api/v1/connections/{id}/codes")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED) // documents the 201
    ResponseEntity<CodeService.View> create(Caller caller, @PathVariable long id, @Valid @RequestBody CodeService.Request r) {
        return ResponseEntity.status(201).body(codes.issue(caller, id, r));
    }

    @PostMapping("/api/v1/connections/{id}/wallet-codes")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.Operation(summary = "Makes a member's wallet money a single-use code of the shop",
            description = "Holds the amount (or the whole available balance) of the member's wallet of that purpose "
                    + "(CASHBACK, DISCOUNT, or any money purpose) and creates the shop's code; the shop's order using "
                    + "it takes the money, a cancelled or refunded order gives it back, an unused code expires and "
                    + "releases it. Send an Idempotency-Key to make a retry return the same code.")
    ResponseEntity<CodeService.View> createWallet(Caller caller, @PathVariable long id,
                                                  @Valid @RequestBody CodeService.WalletRequest r) {
        return ResponseEntity.status(201).body(codes.issueWallet(caller, id, r, false));
    }

    @PostMapping("/api/v1/connections/{id}/gift-card-codes")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.Operation(summary = "Makes an anonymous gift card's value a single-use code of the "
            + "shop (a headless checkout)", description = "The card's number and PIN (five wrong PINs lock the card "
            + "for 15 minutes: 429 with Retry-After); the amount, or all the card pays when none is given or it holds "
            + "less, is held on the card and the shop makes a code for whoever has it. The order using it takes the "
            + "money, a cancelled or refunded order gives it back to the card, an unused code expires and releases "
            + "it. Send an Idempotency-Key to make a retry return the same code.")
    ResponseEntity<CodeService.View> createGiftCard(Caller caller, @PathVariable long id,
                                                    @Valid @RequestBody CodeService.GiftCardRequest r) {
        return ResponseEntity.status(201).body(codes.issueGiftCard(caller, id, r));
    }
}
