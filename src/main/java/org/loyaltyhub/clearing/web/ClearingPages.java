package org.loyaltyhub.clearing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.clearing.internal.Clearing;
import org.loyaltyhub.clearing.internal.PeriodClosed;
import org.loyaltyhub.clearing.internal.Period;
import org.loyaltyhub.clearing.internal.SettlementPaid;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The back office's clearing page: a period's positions, chart, lines and downloads for circuit and company
 * administrators; closing periods and marking settlements paid for the circuit's. A refused form comes back to the
 * page with its message next to the field.
 */
@Page
class ClearingPages {

    private final Clearing clearing;
    private final ClearingDownloads downloads;

    ClearingPages(Clearing clearing, ClearingDownloads downloads) {
        this.clearing = clearing;
        this.downloads = downloads;
    }

    @GetMapping("/clearing")
    String page(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String month, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Period period;
        try {
            period = downloads.period(from, to, month);
        } catch (InvalidInput e) {
            model.addAttribute("errors", Map.of(e.fieldErrors().keySet().stream().findFirst().orElse("from"),
                    "clearing.error.period"));
            period = downloads.period(null, null, null);
        }
        model.addAttribute("report", clearing.report(caller, period))
                .addAttribute("periods", clearing.periods(caller))
                .addAttribute("query", query(period))
                .addAttribute("today", clearing.today());
        return "clearing";
    }

    @PostMapping("/clearing/periods")
    String close(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 RedirectAttributes redirect) {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            Period period = downloads.period(from, to, null);
            clearing.close(caller, period);
            return "redirect:/clearing?" + query(period) + "&closed";
        } catch (InvalidInput | PeriodClosed e) {
            redirect.addFlashAttribute("errors", Map.of("to", e instanceof PeriodClosed ? "clearing.error.closed"
                    : "clearing.error.close"));
            redirect.addFlashAttribute("form", Map.of("from", from == null ? "" : from, "to", to == null ? "" : to));
            return "redirect:/clearing";
        }
    }

    @PostMapping("/clearing/settlements/{id}/payment")
    String pay(Caller caller, @PathVariable long id, @RequestParam(required = false) String paidOn,
               @RequestParam(required = false) String reference, @RequestParam(required = false) String back,
               RedirectAttributes redirect) {
        caller.require(Role.CIRCUIT_ADMIN);
        String page = "/clearing" + (back != null && back.matches("[0-9a-z=&-]{0,80}") ? "?" + back : "");
        try {
            clearing.markPaid(caller, id, ClearingController.day(paidOn), reference);
            return "redirect:" + page + (page.contains("?") ? "&" : "?") + "paid";
        } catch (InvalidInput | SettlementPaid e) {
            redirect.addFlashAttribute("paymentErrors", Map.of(id, e instanceof SettlementPaid
                    ? "clearing.error.paid" : "clearing.error.payment"));
            return "redirect:" + page;
        }
    }

    @GetMapping("/clearing/csv")
    void csv(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        downloads.csv(caller, downloads.period(from, to, month), response);
    }

    @GetMapping("/clearing/statement")
    ResponseEntity<byte[]> statement(Caller caller, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String month,
                                     @RequestParam(required = false) Long companyId, Locale locale) {
        return downloads.statement(caller, downloads.period(from, to, month), companyId, locale);
    }

    @GetMapping("/clearing/chart.svg")
    ResponseEntity<String> chart(Caller caller, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String month, Locale locale) {
        return downloads.chart(caller, downloads.period(from, to, month), locale);
    }

    private static String query(Period period) {
        return UriComponentsBuilder.newInstance().queryParam("from", period.first())
                .queryParam("to", period.last()).build().getQuery();
    }
}
