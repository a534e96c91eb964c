package org.loyaltyhub.clearing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.clearing.internal.Clearing;
import org.loyaltyhub.clearing.internal.ClearingCsv;
import org.loyaltyhub.clearing.internal.ClearingReport;
import org.loyaltyhub.clearing.internal.FlowChart;
import org.loyaltyhub.clearing.internal.Party;
import org.loyaltyhub.clearing.internal.Period;
import org.loyaltyhub.clearing.internal.StatementPdf;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The CSV, PDF and SVG answers, the same for the API and the pages. */
@Component
class ClearingDownloads {

    private final Clearing clearing;
    private final StatementPdf pdfs;
    private final Tenancy tenancy;
    private final MessageSource messages;

    ClearingDownloads(Clearing clearing, StatementPdf pdfs, Tenancy tenancy, MessageSource messages) {
        this.clearing = clearing;
        this.pdfs = pdfs;
        this.tenancy = tenancy;
        this.messages = messages;
    }

    Period period(String from, String to, String month) {
        return Period.of(from, to, month, clearing.today());
    }

    void csv(Caller caller, Period period, HttpServletResponse response) throws IOException {
        ClearingReport report = clearing.report(caller, period);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("clearing-" + period.first() + "-" + period.last() + ".csv").build().toString());
        ClearingCsv.write(report, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** A company's statement: a company administrator's own (whatever it asks), any company for the circuit's. */
    ResponseEntity<byte[]> statement(Caller caller, Period period, Long companyId, Locale requested) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        long company = caller.isCircuitAdmin() && companyId != null ? companyId
                : caller.companyId() != null ? caller.companyId() : requireCompany();
        tenancy.company(caller, company);
        ClearingReport report = clearing.report(caller, period);
        Locale locale = "it".equals(requested.getLanguage()) ? Locale.ITALIAN : Locale.ENGLISH;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("clearing-" + company + "-" + period.first() + "-" + period.last() + ".pdf").build()
                        .toString())
                .body(pdfs.render(caller.circuit(), report, Party.of(company), locale));
    }

    ResponseEntity<String> chart(Caller caller, Period period, Locale locale) {
        String svg = FlowChart.svg(clearing.report(caller, period), messages.getMessage("clearing.chart",
                new Object[] {period.first(), period.last()}, locale));
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(svg);
    }

    private static long requireCompany() {
        throw new org.loyaltyhub.shared.InvalidInput("companyId", "choose the company whose statement you want");
    }
}
