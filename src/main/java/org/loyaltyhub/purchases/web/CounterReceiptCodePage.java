package org.loyaltyhub.purchases.web;

import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.purchases.Receipts;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receipt codes at the counter (issue 18 §2, for tills that cannot call the API): the operator types the receipt's
 * number and amount and gets the same signed code a till would print, as text and QR code, for a customer who had no
 * card with them to claim later in the customer area. The same receipt always gets the same code, so a retry is safe.
 */
@Page
class CounterReceiptCodePage {

    private final Receipts receipts;
    private final Tenancy tenancy;
    private final Programs programs;
    private final Clock clock;

    CounterReceiptCodePage(Receipts receipts, Tenancy tenancy, Programs programs, Clock clock) {
        this.receipts = receipts;
        this.tenancy = tenancy;
        this.programs = programs;
        this.clock = clock;
    }

    @GetMapping("/counter/receipt-code")
    String page(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        return show(caller, new HashMap<>(), Map.of(), model);
    }

    @PostMapping("/counter/receipt-code")
    String make(Caller caller, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        Long number = form.number("receiptNumber");
        if (number == null || number > 0xFFFFFFFFL) {
            errors.put("receiptNumber", "receiptCode.error.receiptNumber");
        }
        Optional<BigDecimal> amount = TypedAmount.parse(form.text("amount"));
        if (amount.isEmpty()) {
            errors.put("amount", "receiptCode.error.amount");
        }
        Long storeId = caller.storeId() != null ? caller.storeId() : form.number("storeId");
        if (storeId == null) {
            errors.put("storeId", "receiptCode.error.store");
        }
        Instant issuedAt = issuedAt(caller, form.text("issuedAt"), errors);
        if (errors.isEmpty()) {
            try {
                String code = receipts.code(caller, storeId, number, Money.of(amount.get(),
                        tenancy.circuit(caller.circuit()).currency()), issuedAt);
                model.addAttribute("code", code).addAttribute("qr", QrCodes.svg(code.replace("-", "")));
                // the form keeps the minute used: making the code again is the same receipt, not a new one
                submitted = new HashMap<>(submitted);
                submitted.put("issuedAt", LocalDateTime.ofInstant(issuedAt, zone(caller)).toString());
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put(f.equals("issuedAt") ? "issuedAt" : "amount",
                        "receiptCode.error." + (f.equals("issuedAt") ? "issuedAt" : "amount")));
            }
        }
        return show(caller, submitted, errors, model);
    }

    /** The receipt's minute typed in the program's time zone; blank: now. */
    private Instant issuedAt(Caller caller, String typed, Map<String, String> errors) {
        if (typed == null) {
            return clock.instant().truncatedTo(ChronoUnit.MINUTES);
        }
        try {
            return LocalDateTime.parse(typed).atZone(zone(caller)).toInstant();
        } catch (DateTimeParseException e) {
            errors.put("issuedAt", "receiptCode.error.issuedAt");
            return null;
        }
    }

    private ZoneId zone(Caller caller) {
        return ZoneId.of(programs.settings(caller.circuit()).timeZone());
    }

    private String show(Caller caller, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("stores", caller.storeId() == null ? tenancy.stores(caller) : List.of())
                .addAttribute("currency", tenancy.circuit(caller.circuit()).currency())
                .addAttribute("accepted", receipts.settings(caller.circuit()).enabled());
        return "receipts/counter";
    }
}
