package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.Sharing;
import org.loyaltyhub.marketing.SocialSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The circuit administrator's social page (issue 18 §3): points for the visits members' shared links bring, the daily
 * cap, and the circuit's profiles shown as "follow us"; the same settings as {@code /api/v1/social/settings}.
 */
@Page
class SocialPage {

    /** The profile fields, in the order the page shows them. */
    static final List<String> PROFILES = List.of("facebookUrl", "instagramUrl", "xUrl", "tiktokUrl", "youtubeUrl");

    private final Sharing sharing;

    SocialPage(Sharing sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/admin/social")
    String page(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        return show(form(sharing.settings(caller.circuit())), Map.of(), model);
    }

    @PostMapping("/admin/social")
    String save(Caller caller, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        Long points = bounded(form, "pointsPerVisit", 100_000, errors);
        Long cap = bounded(form, "dailyCap", 1000, errors);
        for (String profile : PROFILES) {
            String url = form.text(profile);
            if (url != null && !SocialSettings.https(url)) {
                errors.put(profile, "social.error.url");
            }
        }
        if (errors.isEmpty()) {
            try {
                sharing.change(caller, new SocialSettings(points.intValue(), cap.intValue(),
                        form.text("facebookUrl"), form.text("instagramUrl"), form.text("xUrl"), form.text("tiktokUrl"),
                        form.text("youtubeUrl")));
                return "redirect:/admin/social?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(field -> errors.put(field, "social.error.url"));
            }
        }
        return show(submitted, errors, model);
    }

    private static Long bounded(FormValues form, String field, long max, Map<String, String> errors) {
        Long value = form.number(field);
        if (value == null || value > max) {
            errors.put(field, "social.error." + field);
        }
        return value;
    }

    private static Map<String, String> form(SocialSettings s) {
        Map<String, String> form = new HashMap<>();
        form.put("pointsPerVisit", String.valueOf(s.pointsPerVisit()));
        form.put("dailyCap", String.valueOf(s.dailyCap()));
        form.put("facebookUrl", s.facebookUrl());
        form.put("instagramUrl", s.instagramUrl());
        form.put("xUrl", s.xUrl());
        form.put("tiktokUrl", s.tiktokUrl());
        form.put("youtubeUrl", s.youtubeUrl());
        return form;
    }

    private String show(Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form).addAttribute("errors", errors).addAttribute("profiles", PROFILES);
        return "marketing/social";
    }
}
