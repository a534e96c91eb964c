package org.loyaltyhub.marketing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.marketing.Flaw;
import org.loyaltyhub.marketing.InvalidSegment;
import org.loyaltyhub.marketing.Segment;
import org.loyaltyhub.marketing.SegmentCount;
import org.loyaltyhub.marketing.SegmentInUse;
import org.loyaltyhub.marketing.SegmentInput;
import org.loyaltyhub.marketing.internal.SegmentService;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The back office's segments: the list (each count loaded on its own), the editor with the live count as conditions
 * change (htmx draws the editor again with its count), a segment's members page by page, and its CSV. Company
 * administrators read them; only the circuit administrator saves.
 */
@Page
class SegmentsPage {

    static final int PAGE = 50;

    private final SegmentService segments;

    SegmentsPage(SegmentService segments) {
        this.segments = segments;
    }

    @GetMapping("/admin/segments")
    String list(Caller caller, Model model) {
        model.addAttribute("segments", segments.list(caller));
        return "marketing/segments";
    }

    @GetMapping("/admin/segments/{id}/count")
    String count(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("total", segments.count(caller, id));
        return "marketing/segments :: total";
    }

    @GetMapping("/admin/segments/new")
    String blank(Caller caller, Model model, Locale locale) {
        caller.require(Role.CIRCUIT_ADMIN);
        SegmentInput blank = SegmentForm.blank();
        model.addAttribute("form", blank)
                .addAttribute("canSave", true) // a blank editor names no flaw before anything is typed
                .addAttribute("editor", SegmentEditor.of(blank, segments.choices(caller), Map.of(), locale));
        return "marketing/segment";
    }

    @GetMapping("/admin/segments/{id}")
    String edit(Caller caller, @PathVariable long id, Model model, Locale locale) {
        Segment s = segments.get(caller, id);
        return editor(caller, s, SegmentForm.input(s), Map.of(), model, locale, "marketing/segment");
    }

    /** The editor drawn again after a change or an action, with the count of what it holds now (nothing saved). */
    @PostMapping("/admin/segments/editor")
    String redraw(Caller caller, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(required = false) String action, Model model, Locale locale) {
        SegmentInput in = SegmentForm.normalized(SegmentForm.apply(SegmentForm.read(form), action));
        return editor(caller, null, in, Map.of(), model, locale, "marketing/segment :: editor");
    }

    @PostMapping("/admin/segments")
    String create(Caller caller, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
        caller.require(Role.CIRCUIT_ADMIN);
        SegmentInput in = SegmentForm.read(form);
        try {
            return "redirect:/admin/segments/" + segments.create(caller, in).id() + "?saved";
        } catch (InvalidSegment e) {
            return editor(caller, null, in, e.flaws(), model, locale, "marketing/segment");
        }
    }

    @PostMapping("/admin/segments/{id}")
    String update(Caller caller, @PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  Locale locale) {
        Segment s = segments.get(caller, id);
        caller.require(Role.CIRCUIT_ADMIN);
        SegmentInput in = SegmentForm.read(form);
        try {
            segments.update(caller, id, in);
            return "redirect:/admin/segments/" + id + "?saved";
        } catch (InvalidSegment e) {
            return editor(caller, s, in, e.flaws(), model, locale, "marketing/segment");
        }
    }

    @PostMapping("/admin/segments/{id}/delete")
    String delete(Caller caller, @PathVariable long id, Model model, Locale locale) {
        try {
            segments.delete(caller, id);
            return "redirect:/admin/segments?deleted";
        } catch (SegmentInUse e) {
            Segment s = segments.get(caller, id);
            model.addAttribute("inUse", e.usedBy());
            return editor(caller, s, SegmentForm.input(s), Map.of(), model, locale, "marketing/segment");
        }
    }

    @GetMapping("/admin/segments/{id}/members")
    String members(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "0") long after, Model model) {
        Segment s = segments.get(caller, id);
        SegmentCount count = segments.members(caller, id, Math.max(0, after), PAGE);
        model.addAttribute("segment", s).addAttribute("count", count).addAttribute("after", after)
                .addAttribute("next", count.next(PAGE));
        return "marketing/segment-members";
    }

    @GetMapping("/admin/segments/{id}/members.csv")
    void csv(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        SegmentCsv.write(segments, caller, id, response);
    }

    private String editor(Caller caller, Segment segment, SegmentInput in, Map<String, Flaw> flaws, Model model,
                          Locale locale, String view) {
        var choices = segments.choices(caller);
        Map<String, Flaw> shown = new java.util.HashMap<>(flaws);
        SegmentCount count = null;
        try {
            count = segments.preview(caller, in, 5);
        } catch (InvalidSegment e) {
            e.flaws().forEach(shown::putIfAbsent);
        }
        model.addAttribute("segment", segment).addAttribute("form", in)
                .addAttribute("editor", SegmentEditor.of(in, choices, shown, locale))
                .addAttribute("count", count).addAttribute("canSave", caller.isCircuitAdmin());
        return view;
    }
}
