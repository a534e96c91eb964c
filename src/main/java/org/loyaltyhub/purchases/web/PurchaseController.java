package org.loyaltyhub.purchases.web;

import jakarta.validation.Valid;
import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseCommands.StatusChange;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Record a purchase (or bring an existing order to a new state) and read purchases. */
@RestController
class PurchaseController {

    private final PurchaseService purchases;

    PurchaseController(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @PostMapping("/api/v1/purchases")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED) // documents the 201
    ResponseEntity<Purchase> record(Caller caller, @Valid @RequestBody RecordPurchase request) {
        Purchase purchase = purchases.record(caller, request);
        return ResponseEntity.status(201).header("Location", "/api/v1/purchases/" + purchase.id()).body(purchase);
    }

    @PatchMapping("/api/v1/purchases/{id}")
    Purchase change(Caller caller, @PathVariable long id, @Valid @RequestBody StatusChange change) {
        return purchases.changeStatus(caller, id, change.status(), change.refundedTotal());
    }

    @GetMapping("/api/v1/purchases/{id}")
    Purchase get(Caller caller, @PathVariable long id) {
        return purchases.get(caller, id);
    }

    @GetMapping("/api/v1/members/{memberId}/purchases")
    Page<Purchase> ofMember(Caller caller, @PathVariable long memberId, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        return purchases.ofMember(caller, memberId, PageQuery.of(page, size));
    }
}
