package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.internal.CircuitLogos;
import org.loyaltyhub.tenancy.internal.Commands.CircuitFields;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The circuit's settings (seed 002, "Configurazione del circuito"): name, currency, how free its companies are, budgets,
 * and the logo shown on every panel and on the loyalty space.
 */
@Page
class CircuitSettingsPage {

    private final TenancyService tenancy;
    private final CircuitLogos logos;

    CircuitSettingsPage(TenancyService tenancy, CircuitLogos logos) {
        this.tenancy = tenancy;
        this.logos = logos;
    }

    @GetMapping("/admin/circuit")
    String form(Caller caller, Model model, Locale locale) {
        caller.require(Role.CIRCUIT_ADMIN);
        Circuit c = tenancy.circuit(caller.circuit());
        Map<String, String> form = new HashMap<>();
        form.put("name", c.name());
        form.put("currency", c.currency());
        form.put("companiesKeptApart", c.companiesKeptApart() ? "on" : "");
        form.put("budgetsEnforced", c.budgetsEnforced() ? "on" : "");
        form.put("defaultCountry", c.defaultCountry());
        model.addAttribute("form", form).addAttribute("errors", Map.of())
                .addAttribute("countries", countries(locale));
        return "circuit";
    }

    @PostMapping("/admin/circuit")
    String save(Caller caller, @RequestParam Map<String, String> submitted, Model model, Locale locale) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.blank("name") || form.text("name").length() > 120) {
            errors.put("name", "admin.required");
        }
        String currency = form.text("currency") == null ? "" : form.text("currency").toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            errors.put("currency", "platform.error.currency");
        }
        String country = form.text("defaultCountry");
        if (!org.loyaltyhub.shared.PhoneNumber.knownCountry(country)) {
            errors.put("defaultCountry", "circuit.error.country");
        }
        if (errors.isEmpty()) {
            try {
                Circuit c = tenancy.circuit(caller.circuit());
                tenancy.updateCircuit(caller, new CircuitFields(form.text("name"), currency, c.logoUrl(),
                        form.checked("companiesKeptApart"), form.checked("budgetsEnforced"), country));
                return "redirect:/admin/circuit?saved";
            } catch (org.loyaltyhub.tenancy.CurrencyLocked e) {
                errors.put("currency", e.holder() == org.loyaltyhub.tenancy.CurrencyLocked.Holder.COMPANIES
                        ? "circuit.error.currencyLocked" : "circuit.error.currencyLocked." + e.holder().name());
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(field -> errors.put(field, "admin.required"));
            }
        }
        model.addAttribute("form", submitted).addAttribute("errors", errors)
                .addAttribute("countries", countries(locale));
        return "circuit";
    }

    @PostMapping("/admin/circuit/logo")
    String upload(Caller caller, @RequestParam(name = "logo", required = false) MultipartFile file, Model model,
                  Locale locale)
            throws IOException {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            logos.upload(caller, file == null ? null : file.getBytes());
            return "redirect:/admin/circuit?logo";
        } catch (InvalidInput e) {
            form(caller, model, locale);
            model.addAttribute("errors", Map.of("logo", "circuit.error.logo"));
            return "circuit";
        }
    }

    @PostMapping("/admin/circuit/logo/remove")
    String remove(Caller caller) {
        logos.remove(caller);
        return "redirect:/admin/circuit?logo";
    }

    /** The countries a circuit may choose for phone numbers, named in the page's language, by code. */
    private static Map<String, String> countries(Locale locale) {
        Map<String, String> named = new LinkedHashMap<>();
        org.loyaltyhub.shared.PhoneNumber.countries().forEach(code ->
                named.put(code, Locale.of("", code).getDisplayCountry(locale) + " (" + code + ")"));
        return named;
    }

    /** The logo, for every page and the public loyalty space; its address changes with the image, so it caches. */
    @GetMapping("/circuits/{id}/logo")
    ResponseEntity<byte[]> logo(@PathVariable long id, @RequestHeader(name = "If-None-Match", required = false) String etag) {
        return logos.of(id).map(logo -> {
            String tag = "\"" + logo.sha256() + "\"";
            ResponseEntity.BodyBuilder ok = etag != null && etag.equals(tag)
                    ? ResponseEntity.status(HttpStatus.NOT_MODIFIED) : ResponseEntity.ok();
            return ok.eTag(tag).cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(MediaType.parseMediaType(logo.contentType()))
                    .body(etag != null && etag.equals(tag) ? null : logo.bytes());
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
