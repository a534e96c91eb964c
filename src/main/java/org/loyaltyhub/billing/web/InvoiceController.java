package org.loyaltyhub.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.billing.internal.Invoice;
import org.loyaltyhub.billing.internal.Invoices;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Pro-forma invoices: the circuit administrator's list (by year and company), a company's own, PDF and CSV. */
@RestController
class InvoiceController {

    private final Invoices invoices;
    private final InvoiceDownloads downloads;

    InvoiceController(Invoices invoices, InvoiceDownloads downloads) {
        this.invoices = invoices;
        this.downloads = downloads;
    }

    @Operation(summary = "Invoices, newest first: all of the circuit's (filter by year and company) for its "
            + "administrator, the company's own for a company administrator")
    @GetMapping("/api/v1/invoices")
    Page<Invoice> list(Caller caller, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) Long companyId, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size) {
        return invoices.list(caller, new Invoices.Filter(year, companyId), PageQuery.of(page, size));
    }

    @Operation(summary = "The documents addressed to a member (paid memberships: simplified invoices or invoices, "
            + "and credit notes of refunds), newest first; circuit administrators")
    @GetMapping("/api/v1/members/{id}/invoices")
    List<Invoice> ofMember(Caller caller, @PathVariable long id) {
        return invoices.ofMember(caller, id);
    }

    @GetMapping("/api/v1/invoices/{id}")
    Invoice invoice(Caller caller, @PathVariable long id) {
        return invoices.invoice(caller, id);
    }

    @Operation(summary = "The invoice as a PDF, in Italian or English after Accept-Language (a pro-forma document)")
    @GetMapping("/api/v1/invoices/{id}/pdf")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable long id, Locale locale) {
        return downloads.pdf(caller, id, locale);
    }

    @Operation(summary = "The invoices as CSV (text/csv, same filters as the list, oldest first)")
    @GetMapping("/api/v1/invoices/csv")
    void csv(Caller caller, @RequestParam(required = false) Integer year,
             @RequestParam(required = false) Long companyId, HttpServletResponse response) throws IOException {
        downloads.csv(caller, new Invoices.Filter(year, companyId), response);
    }
}
