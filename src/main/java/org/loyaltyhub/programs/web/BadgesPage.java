package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.badges.Badge;
import org.loyaltyhub.programs.internal.badges.BadgeCatalog;
import org.loyaltyhub.programs.internal.badges.BadgeDraft;
import org.loyaltyhub.programs.internal.badges.BadgeWindow;
import org.loyaltyhub.programs.internal.badges.OverlappingBadge;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The circuit's badges (seed 004, "Impostazioni Badge"): the list by point range, a badge's form with its icon (a
 * preview of the chosen file before saving), and the window of points badges count. A form with a mistake comes back
 * with the message next to the field and nothing saved.
 */
@Page
class BadgesPage {

    private static final List<String> NUMBERS = List.of("pointsFrom", "pointsTo", "extraValuePercent",
            "maxDiscountAmount", "maxDiscountPercent");

    private final BadgeCatalog catalog;
    private final MessageSource messages;

    BadgesPage(BadgeCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/admin/badges")
    String list(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        return show(caller, model, null, new HashMap<>(), Map.of());
    }

    @GetMapping("/admin/badges/{id}")
    String edit(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        return show(caller, model, catalog.get(caller, id), values(catalog.get(caller, id)), Map.of());
    }

    @PostMapping("/admin/badges")
    String create(Caller caller, @RequestParam Map<String, String> submitted,
                  @RequestParam(name = "icon", required = false) MultipartFile icon, Locale locale, Model model)
            throws IOException {
        return save(caller, null, submitted, icon, locale, model);
    }

    @PostMapping("/admin/badges/{id}")
    String change(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted,
                  @RequestParam(name = "icon", required = false) MultipartFile icon, Locale locale, Model model)
            throws IOException {
        return save(caller, id, submitted, icon, locale, model);
    }

    @PostMapping("/admin/badges/{id}/remove")
    String remove(Caller caller, @PathVariable long id) {
        try {
            catalog.remove(caller, id);
        } catch (NotFound gone) {
            // removed by a second click: the list shows what is left
        }
        return "redirect:/admin/badges?removed";
    }

    @PostMapping("/admin/badges/{id}/icon/remove")
    String removeIcon(Caller caller, @PathVariable long id) {
        catalog.removeIcon(caller, id);
        return "redirect:/admin/badges/" + id + "?saved";
    }

    @PostMapping("/admin/badges/window")
    String window(Caller caller, @RequestParam Map<String, String> submitted, Locale locale, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues f = new FormValues(submitted);
        try {
            BadgeWindow.Kind kind = BadgeWindow.Kind.valueOf(f.text("kind") == null ? "" : f.text("kind"));
            Long months = f.number("months");
            catalog.changeWindow(caller, new BadgeWindow(kind, months == null || months > 1000 ? null
                    : months.intValue()));
            return "redirect:/admin/badges?windowSaved";
        } catch (IllegalArgumentException | InvalidInput e) {
            model.addAttribute("windowForm", submitted).addAttribute("windowErrors",
                    Map.of("months", message("badges.error.months", locale)));
            return show(caller, model, null, new HashMap<>(), Map.of());
        }
    }

    private String save(Caller caller, Long id, Map<String, String> submitted, MultipartFile icon, Locale locale,
                        Model model) throws IOException {
        caller.require(Role.CIRCUIT_ADMIN);
        Badge editing = id == null ? null : catalog.get(caller, id);
        FormValues f = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : NUMBERS) {
            if (!f.blank(field) && (field.startsWith("points") ? f.number(field) == null : f.decimal(field) == null)) {
                errors.put(field, message("badges.error.number", locale));
            }
        }
        if (errors.isEmpty()) {
            try {
                BadgeDraft draft = BadgeDraft.of(f.text("nameEn"), f.text("nameIt"), f.text("descriptionEn"),
                        f.text("descriptionIt"), f.number("pointsFrom"), f.number("pointsTo"),
                        f.decimal("extraValuePercent"), f.decimal("maxDiscountAmount"), f.decimal("maxDiscountPercent"));
                Badge saved = catalog.save(caller, id, draft, icon == null || icon.isEmpty() ? null : icon.getBytes());
                return "redirect:/admin/badges/" + saved.id() + "?saved";
            } catch (OverlappingBadge e) {
                errors.put("pointsFrom", messages.getMessage("badges.error.overlap", new Object[] {
                        e.other().names().in(locale), e.other().range().toString()}, locale));
            } catch (InvalidInput e) {
                e.fieldErrors().forEach((field, detail) -> errors.put(field, "icon".equals(field)
                        ? message("badges.error.icon", locale) + " (" + detail + ")"
                        : message("badges.error." + field, locale)));
            }
        }
        return show(caller, model, editing, submitted, errors);
    }

    private String show(Caller caller, Model model, Badge editing, Map<String, String> form, Map<String, String> errors) {
        BadgeWindow window = catalog.window(caller);
        Map<String, String> windowForm = new HashMap<>(Map.of("kind", window.kind().name(),
                "months", window.months() == null ? "" : window.months().toString()));
        model.addAttribute("badges", catalog.list(caller)).addAttribute("editing", editing)
                .addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("kinds", BadgeWindow.Kind.values());
        if (!model.containsAttribute("windowForm")) {
            model.addAttribute("windowForm", windowForm);
        }
        return "badges";
    }

    private static Map<String, String> values(Badge b) {
        Map<String, String> v = new HashMap<>();
        v.put("nameEn", b.names().en());
        v.put("nameIt", b.names().it());
        v.put("descriptionEn", b.descriptions().en());
        v.put("descriptionIt", b.descriptions().it());
        v.put("pointsFrom", String.valueOf(b.range().from()));
        v.put("pointsTo", b.range().to() == null ? "" : b.range().to().toString());
        v.put("extraValuePercent", plain(b.discount().extraValuePercent()));
        v.put("maxDiscountAmount", plain(b.discount().maxDiscountAmount()));
        v.put("maxDiscountPercent", plain(b.discount().maxDiscountPercent()));
        return v;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
