package org.loyaltyhub.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.billing.internal.BillingDetails;
import org.loyaltyhub.billing.internal.BillingSettings;
import org.loyaltyhub.billing.internal.CircuitBilling;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** The billing details printed on pro-forma invoices: the circuit's (the seller) and each company's (the buyer). */
@RestController
class BillingController {

    private final BillingSettings settings;

    BillingController(BillingSettings settings) {
        this.settings = settings;
    }

    record CircuitBillingFields(@Size(max = 200) String legalName, @Size(max = 40) String vatNumber,
                                @Size(max = 40) String taxCode, @Size(max = 400) String address,
                                @Size(max = 254) String invoiceEmail,
                                @DecimalMin("0") @DecimalMax("1000000") BigDecimal pricePerThousand,
                                @DecimalMin("0") @DecimalMax("1000000") BigDecimal smsCreditPrice,
                                @DecimalMin("0") @DecimalMax("99.99") BigDecimal vatRate) {
    }

    record CompanyBillingFields(@Size(max = 200) String legalName, @Size(max = 40) String taxCode,
                                @Size(max = 400) String address, @Size(max = 254) String invoiceEmail) {
    }

    @GetMapping("/api/v1/circuit/billing")
    CircuitBilling circuit(Caller caller) {
        return settings.circuit(caller);
    }

    @Operation(summary = "The circuit's billing details (legal name, VAT number with its country prefix, tax code, "
            + "address, e-mail for invoices), the price of 1,000 budget points (none: free), the price of one SMS credit "
            + "(each SMS-credit recharge is invoiced at it; none: no invoice) and the VAT rate (22 %)")
    @PutMapping("/api/v1/circuit/billing")
    CircuitBilling changeCircuit(Caller caller, @Valid @RequestBody CircuitBillingFields f) {
        return settings.changeCircuit(caller, BillingDetails.checked(f.legalName(), f.vatNumber(), f.taxCode(),
                f.address(), f.invoiceEmail()), f.pricePerThousand(), f.smsCreditPrice(),
                f.vatRate());
    }

    @GetMapping("/api/v1/companies/{id}/billing")
    BillingSettings.CompanyBilling company(Caller caller, @PathVariable long id) {
        return settings.company(caller, id);
    }

    @Operation(summary = "A company's billing details (its VAT number is the company's own field)")
    @PutMapping("/api/v1/companies/{id}/billing")
    BillingSettings.CompanyBilling changeCompany(Caller caller, @PathVariable long id,
                                                 @Valid @RequestBody CompanyBillingFields f) {
        return settings.changeCompany(caller, id, BillingDetails.checked(f.legalName(), null, f.taxCode(),
                f.address(), f.invoiceEmail()));
    }
}
