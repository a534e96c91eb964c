package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.StoreDirectory;
import org.loyaltyhub.tenancy.StoreProfile;
import org.loyaltyhub.tenancy.internal.Commands.StoreFields;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One store: name, address and map coordinates, and its printable sign-up poster. */
@Page
class StorePage {

    private final TenancyService tenancy;
    private final StoreDirectory directory;

    StorePage(TenancyService tenancy, StoreDirectory directory) {
        this.tenancy = tenancy;
        this.directory = directory;
    }

    @GetMapping("/admin/stores/{id}")
    String form(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Store s = tenancy.visibleStore(caller, id);
        Map<String, String> form = new HashMap<>();
        form.put("name", s.name());
        form.put("address", s.address());
        form.put("city", s.city());
        form.put("postcode", s.postcode());
        form.put("country", s.country());
        form.put("latitude", s.latitude() == null ? null : s.latitude().toPlainString());
        form.put("longitude", s.longitude() == null ? null : s.longitude().toPlainString());
        model.addAttribute("store", s).addAttribute("form", form).addAttribute("errors", Map.of());
        return withProfile(s, model);
    }

    private String withProfile(Store s, Model model) {
        if (!model.containsAttribute("profileForm")) {
            StoreProfile p = directory.profile(s.circuitId(), s.id());
            Map<String, String> profile = new HashMap<>();
            profile.put("phone", p.phone());
            profile.put("openingHours", p.openingHours());
            profile.put("checkinRadius", String.valueOf(p.checkinRadiusMetres()));
            profile.put("googleReviewUrl", p.googleReviewUrl());
            profile.put("tripadvisorUrl", p.tripadvisorUrl());
            model.addAttribute("profileForm", profile);
        }
        return "store";
    }

    /** What customers see of the store (issue 18): phone, opening hours, review pages, check-in radius. */
    @PostMapping("/admin/stores/{id}/profile")
    String saveProfile(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Store s = tenancy.visibleStore(caller, id);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        String phone = form.text("phone");
        if (phone != null && (phone.length() > 40 || !phone.matches("[+0-9 ()./-]*"))) {
            errors.put("phone", "stores.error.phone");
        }
        if (length(form.text("openingHours")) > 500) {
            errors.put("openingHours", "stores.error.tooLong");
        }
        String radius = form.text("checkinRadius") == null ? "" : form.text("checkinRadius");
        if (!radius.matches("[0-9]{2,4}") || Integer.parseInt(radius) < 20 || Integer.parseInt(radius) > 2000) {
            errors.put("checkinRadius", "stores.error.radius");
        }
        for (String url : new String[]{"googleReviewUrl", "tripadvisorUrl"}) {
            if (!StoreProfile.secureUrl(form.text(url))) {
                errors.put(url, "stores.error.url");
            }
        }
        if (errors.isEmpty()) {
            directory.change(caller, id, new StoreProfile(phone, form.text("openingHours"), Integer.valueOf(radius),
                    form.text("googleReviewUrl"), form.text("tripadvisorUrl")));
            return "redirect:/admin/stores/" + id + "?profileSaved";
        }
        model.addAttribute("profileForm", submitted).addAttribute("profileErrors", errors);
        return form(caller, id, model);
    }

    @PostMapping("/admin/stores/{id}")
    String save(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Store s = tenancy.visibleStore(caller, id);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.blank("name") || form.text("name").length() > 120) {
            errors.put("name", "admin.required");
        }
        String country = form.text("country") == null ? null : form.text("country").toUpperCase(java.util.Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            errors.put("country", "store.error.country");
        }
        BigDecimal lat = coordinate(form, "latitude", 90, errors);
        BigDecimal lon = coordinate(form, "longitude", 180, errors);
        if ((lat == null) != (lon == null) && !errors.containsKey("latitude") && !errors.containsKey("longitude")) {
            errors.put(lat == null ? "latitude" : "longitude", "store.error.bothCoordinates");
        }
        if (length(form.text("address")) > 240 || length(form.text("city")) > 120 || length(form.text("postcode")) > 20) {
            errors.put("address", "store.error.tooLong");
        }
        if (errors.isEmpty()) {
            tenancy.updateStore(caller, id, new StoreFields(form.text("name"), form.text("address"), form.text("city"),
                    form.text("postcode"), country, lat, lon));
            return "redirect:/admin/stores/" + id + "?saved";
        }
        model.addAttribute("store", s).addAttribute("form", submitted).addAttribute("errors", errors);
        return withProfile(s, model);
    }

    private static BigDecimal coordinate(FormValues form, String field, int limit, Map<String, String> errors) {
        if (form.blank(field)) {
            return null;
        }
        BigDecimal value = form.decimal(field);
        if (value == null || value.abs().compareTo(BigDecimal.valueOf(limit)) > 0 || value.scale() > 6) {
            errors.put(field, "store.error." + field);
            return null;
        }
        return value;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
