package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.RedemptionPolicy;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Quote a cart, hold points for a discount, then capture or release them. */
@RestController
class RedemptionController {

    private final RedemptionService redemptions;

    RedemptionController(RedemptionService redemptions) {
        this.redemptions = redemptions;
    }

    record QuoteRequest(@NotNull MemberIdentifier member, @NotNull @Valid CartInput cart,
                        @Min(1) @Max(1_000_000_000L) Long points) {
    }

    record HoldRequest(@NotNull MemberIdentifier member, @NotNull @Valid CartInput cart,
                       @Min(1) @Max(1_000_000_000L) Long points, @Size(max = 120) String orderId, Long storeId) {
    }

    record Capture(@Size(max = 120) String orderId) {
    }

    @PostMapping("/api/v1/redemptions/quote")
    RedemptionPolicy.Quote quote(Caller caller, @Valid @RequestBody QuoteRequest r) {
        return redemptions.quote(caller, r.member(), r.cart().cart(), r.points());
    }

    @PostMapping("/api/v1/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    RedemptionService.Redemption hold(Caller caller, @Valid @RequestBody HoldRequest r) {
        return redemptions.hold(caller, r.member(), r.cart().cart(), r.points(), r.orderId(), r.storeId());
    }

    @GetMapping("/api/v1/redemptions/{id}")
    RedemptionService.Redemption get(Caller caller, @PathVariable long id) {
        return redemptions.get(caller, id);
    }

    @PostMapping("/api/v1/redemptions/{id}/capture")
    RedemptionService.Redemption capture(Caller caller, @PathVariable long id,
                                         @Valid @RequestBody(required = false) Capture c) {
        return redemptions.capture(caller, id, c == null ? null : c.orderId());
    }

    record Undo(@NotBlank @Size(max = 200) String reason) {
    }

    /** Gives back the points of a captured redemption, with the reason; a reversing entry in the ledger. */
    @PostMapping("/api/v1/redemptions/{id}/undo")
    RedemptionService.Redemption undo(Caller caller, @PathVariable long id, @Valid @RequestBody Undo u) {
        return redemptions.undo(caller, id, u.reason());
    }

    @PostMapping("/api/v1/redemptions/{id}/release")
    RedemptionService.Redemption release(Caller caller, @PathVariable long id) {
        return redemptions.release(caller, id);
    }
}
