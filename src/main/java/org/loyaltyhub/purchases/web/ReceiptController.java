package org.loyaltyhub.purchases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.purchases.ReceiptClaim;
import org.loyaltyhub.purchases.ReceiptSettings;
import org.loyaltyhub.purchases.Receipts;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Receipt codes (issue 18 §2): tills ask for the signed code of a receipt, operators review members' claims above the
 * circuit's threshold, the circuit administrator sets the rules. Members claim codes in the customer area.
 */
@RestController
class ReceiptController {

    private final Receipts receipts;

    ReceiptController(Receipts receipts) {
        this.receipts = receipts;
    }

    record ReceiptInput(
            @NotNull @Min(0) @Max(4294967295L) @Schema(description = "The receipt's number at the store (unique with its time)")
            Long receiptNumber,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("42949672") @Digits(integer = 8, fraction = 2)
            BigDecimal amount,
            @NotNull @Schema(description = "The receipt's date and time (to the minute)") Instant issuedAt) {
    }

    record ReceiptCodeAnswer(String code, @Schema(description = "The code as a QR code, SVG") String qrSvg) {
    }

    record Refusal(@NotNull @Size(min = 1, max = 300) String reason) {
    }

    @Operation(summary = "The signed code to print on a receipt of the store (as text and QR): the customer claims "
            + "the purchase with it in the customer area. The same receipt always gets the same code")
    @PostMapping("/api/v1/stores/{storeId}/receipt-codes")
    ReceiptCodeAnswer code(Caller caller, @PathVariable long storeId, @Valid @RequestBody ReceiptInput r) {
        String code = receipts.code(caller, storeId, r.receiptNumber(), Money.of(r.amount(), r.currency()),
                r.issuedAt());
        return new ReceiptCodeAnswer(code, QrCodes.svg(code.replace("-", "")));
    }

    @Operation(summary = "Members' receipt claims waiting for review at the stores the caller covers, oldest first, "
            + "a page at a time (page from 0, size 1 to 200, default 50)")
    @GetMapping("/api/v1/receipt-claims/pending")
    Page<ReceiptClaim> pending(Caller caller, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return receipts.pending(caller, PageQuery.of(page, size == null ? 50 : size));
    }

    @Operation(summary = "Approve a pending receipt claim: the purchase is recorded and the member told")
    @PostMapping("/api/v1/receipt-claims/{id}/approve")
    ReceiptClaim approve(Caller caller, @PathVariable long id) {
        return receipts.review(caller, id, true, null);
    }

    @Operation(summary = "Refuse a pending receipt claim with a reason the member is told")
    @PostMapping("/api/v1/receipt-claims/{id}/refuse")
    ReceiptClaim refuse(Caller caller, @PathVariable long id, @Valid @RequestBody Refusal r) {
        return receipts.review(caller, id, false, r.reason());
    }

    @Operation(summary = "How the circuit takes receipt codes from its members")
    @GetMapping("/api/v1/receipts/settings")
    ReceiptSettings settings(Caller caller) {
        return receipts.settings(caller.circuit());
    }

    @Operation(summary = "Change how the circuit takes receipt codes (circuit administrators)")
    @PutMapping("/api/v1/receipts/settings")
    ReceiptSettings change(Caller caller, @Valid @RequestBody ReceiptSettings s) {
        return receipts.change(caller, s);
    }
}
