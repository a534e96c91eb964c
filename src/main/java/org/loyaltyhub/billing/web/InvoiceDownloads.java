package org.loyaltyhub.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.billing.internal.Invoice;
import org.loyaltyhub.billing.internal.InvoicePdf;
import org.loyaltyhub.billing.internal.Invoices;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The PDF and CSV answers, the same for the API and the pages. */
@Component
class InvoiceDownloads {

    private final Invoices invoices;
    private final InvoicePdf pdfs;

    InvoiceDownloads(Invoices invoices, InvoicePdf pdfs) {
        this.invoices = invoices;
        this.pdfs = pdfs;
    }

    ResponseEntity<byte[]> pdf(Caller caller, long id, Locale requested) {
        Invoice invoice = invoices.invoice(caller, id);
        Locale locale = "it".equals(requested.getLanguage()) ? Locale.ITALIAN : Locale.ENGLISH;
        byte[] bytes = pdfs.render(caller.circuit(), invoice, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(invoice.fileName()).build().toString())
                .body(bytes);
    }

    void csv(Caller caller, Invoices.Filter filter, HttpServletResponse response) throws IOException {
        caller.require(org.loyaltyhub.tenancy.Role.CIRCUIT_ADMIN, org.loyaltyhub.tenancy.Role.COMPANY_ADMIN);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("invoices.csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        invoices.exportCsv(caller, filter, out);
    }
}
