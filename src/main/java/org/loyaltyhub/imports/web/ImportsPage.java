package org.loyaltyhub.imports.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.ImportKind;
import org.loyaltyhub.imports.internal.PurchaseImportService;
import org.loyaltyhub.purchases.PastPurchases;
import org.loyaltyhub.imports.UnreadableFile;
import org.springframework.context.MessageSource;
import org.loyaltyhub.imports.internal.ExportService;
import org.loyaltyhub.imports.internal.ImportService;
import org.loyaltyhub.imports.internal.ImportSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The back office's imports and exports: upload a CSV, check it (htmx draws the dry run's counts and first errors
 * below the form, which keeps the chosen file), import it, watch the progress (htmx polls until done), download the
 * refused rows; and download the members with their points.
 */
@Page
class ImportsPage {

    private final ImportService imports;
    private final PurchaseImportService purchases;
    private final ExportService exports;
    private final Tenancy tenancy;
    private final Clock clock;
    private final MessageSource text;

    ImportsPage(ImportService imports, PurchaseImportService purchases, ExportService exports, Tenancy tenancy,
                Clock clock, MessageSource text) {
        this.text = text;
        this.imports = imports;
        this.purchases = purchases;
        this.exports = exports;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @GetMapping("/admin/imports")
    String page(Caller caller, Model model) {
        return form(caller, model, Map.of("source", "", "kind", ImportKind.MEMBERS.name()), Map.of());
    }

    @PostMapping("/admin/imports/dry-run")
    String dryRun(Caller caller, @RequestParam(required = false) MultipartFile file,
                  @RequestParam Map<String, String> form, Model model, Locale locale) throws IOException {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            ImportSettings settings = settings(caller, form);
            model.addAttribute("dryRun", kind(form) == ImportKind.PURCHASES
                    ? purchases.dryRun(caller, bytes(file), settings) : imports.dryRun(caller, bytes(file), settings))
                    .addAttribute("kind", kind(form).name());
        } catch (InvalidInput e) {
            errors.putAll(messages(e, locale));
        }
        model.addAttribute("errors", errors).addAttribute("oob", true); // the fields' messages, swapped out of band
        return "imports/imports :: result";
    }

    @PostMapping("/admin/imports")
    String start(Caller caller, @RequestParam(required = false) MultipartFile file,
                 @RequestParam Map<String, String> form, Model model, Locale locale) throws IOException {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            String name = file == null ? null : file.getOriginalFilename();
            ImportSettings settings = settings(caller, form);
            ImportJob job = kind(form) == ImportKind.PURCHASES
                    ? purchases.start(caller, name, bytes(file), settings, "on".equals(form.get("earnPoints")))
                    : imports.start(caller, name, bytes(file), settings);
            return "redirect:/admin/imports/" + job.id();
        } catch (InvalidInput e) {
            return form(caller, model, form, messages(e, locale));
        }
    }

    @GetMapping("/admin/imports/{id}")
    String job(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(caller, id)).addAttribute("now", clock.instant());
        return "imports/import";
    }

    @GetMapping("/admin/imports/{id}/progress")
    String progress(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(caller, id)).addAttribute("now", clock.instant());
        return "imports/import :: progress";
    }

    @GetMapping("/admin/imports/{id}/refused.csv")
    void refused(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        imports.job(caller, id);
        try (Writer out = ImportController.csv(response, "import-" + id + "-refused.csv")) {
            imports.refusedCsv(caller, id, out);
        }
    }

    private String form(Caller caller, Model model, Map<String, String> form, Map<String, String> errors) {
        caller.require(Role.CIRCUIT_ADMIN);
        model.addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("companies", tenancy.companies(caller)).addAttribute("imports", imports.latest(caller))
                .addAttribute("members", exports.count(caller)).addAttribute("now", clock.instant())
                .addAttribute("purchases", exports.countPurchases(caller, PastPurchases.Filter.NONE))
                .addAttribute("stores", tenancy.stores(caller))
                .addAttribute("maxMegabytes", org.loyaltyhub.imports.internal.CsvFile.MAX_BYTES / (1024 * 1024));
        return "imports/imports";
    }

    /** What the form says the file holds (members unless purchases are chosen). */
    private static ImportKind kind(Map<String, String> form) {
        return ImportKind.PURCHASES.name().equals(form.get("kind")) ? ImportKind.PURCHASES : ImportKind.MEMBERS;
    }

    private ImportSettings settings(Caller caller, Map<String, String> form) {
        Long company = blank(form.get("companyId")) ? null : number(form.get("companyId"));
        LocalDate expiry;
        try {
            expiry = blank(form.get("pointsExpireOn")) ? null : LocalDate.parse(form.get("pointsExpireOn").strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("pointsExpireOn", "is not a date (yyyy-MM-dd)");
        }
        return imports.settings(caller, form.get("source"), company, expiry);
    }

    /** Each field's error in the reader's language: a file by why it cannot be read, other fields by name. */
    private Map<String, String> messages(InvalidInput e, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, english) -> out.put(field, e instanceof UnreadableFile u
                ? text.getMessage("imports.file." + u.reason().name(), null, english, locale)
                : text.getMessage("imports.error." + field, null, english, locale)));
        return out;
    }

    private static Long number(String s) {
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("companyId", "choose a company of the list");
        }
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
