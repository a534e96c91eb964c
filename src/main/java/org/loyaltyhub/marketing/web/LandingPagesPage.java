package org.loyaltyhub.marketing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.marketing.landing.Block;
import org.loyaltyhub.marketing.landing.BlockKind;
import org.loyaltyhub.marketing.landing.CallToAction;
import org.loyaltyhub.marketing.landing.LandingPage;
import org.loyaltyhub.marketing.landing.LandingPageInput;
import org.loyaltyhub.marketing.landing.LandingPages;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back office's landing pages: the list with visits and conversions, the editor (the page's address and title,
 * then its blocks in order, two empty ones to add), and the printable QR poster of a page.
 */
@Page
class LandingPagesPage {

    /** Empty block rows the editor offers for new blocks. */
    static final int NEW_ROWS = 2;

    private final LandingPages pages;
    private final Reservations reservations;
    private final Tenancy tenancy;
    private final PublicUrl publicUrl;

    private final org.loyaltyhub.rewards.CouponClaims coupons;

    LandingPagesPage(LandingPages pages, Reservations reservations, Tenancy tenancy, PublicUrl publicUrl,
                     org.loyaltyhub.rewards.CouponClaims coupons) {
        this.coupons = coupons;
        this.pages = pages;
        this.reservations = reservations;
        this.tenancy = tenancy;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/landing")
    String list(Caller caller, Model model) {
        List<LandingPage> list = pages.list(caller);
        Map<Long, Object> stats = new HashMap<>();
        list.forEach(p -> stats.put(p.id(), pages.stats(caller, p.id())));
        model.addAttribute("pages", list).addAttribute("stats", stats);
        return "marketing/landing-pages";
    }

    @GetMapping("/landing/new")
    String create(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return show(caller, null, new HashMap<>(), 0, Map.of(), model);
    }

    @GetMapping("/landing/{pageId}")
    String edit(Caller caller, @PathVariable long pageId, Model model) {
        LandingPage page = pages.page(caller, pageId);
        return show(caller, page, form(page), page.content().blocks().size(), Map.of(), model);
    }

    @PostMapping("/landing/new")
    String saveNew(Caller caller, @RequestParam Map<String, String> submitted,
                   @RequestParam MultiValueMap<String, MultipartFile> files, Model model) throws IOException {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return save(caller, null, submitted, files, model);
    }

    @PostMapping("/landing/{pageId}")
    String save(Caller caller, @PathVariable long pageId, @RequestParam Map<String, String> submitted,
                @RequestParam MultiValueMap<String, MultipartFile> files, Model model) throws IOException {
        return save(caller, pages.page(caller, pageId), submitted, files, model);
    }

    private String save(Caller caller, LandingPage existing, Map<String, String> submitted,
                        MultiValueMap<String, MultipartFile> files, Model model) throws IOException {
        FormValues form = new FormValues(submitted);
        Map<String, String> values = new HashMap<>(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        int rows = rows(form);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            BlockKind kind = read(BlockKind.class, form.text("kind-" + i));
            if (kind == null || form.checked("remove-" + i)) {
                continue;
            }
            MultipartFile file = files.getFirst("image-" + i);
            Long imageId = form.number("imageId-" + i);
            try {
                if (file != null && !file.isEmpty()) {
                    imageId = pages.upload(caller, file.getBytes());
                    values.put("imageId-" + i, String.valueOf(imageId));
                }
                blocks.add(new Block(kind, form.text("textIt-" + i), form.text("textEn-" + i), imageId,
                        read(CallToAction.class, form.text("action-" + i)), form.number("bookable-" + i),
                        form.number("campaign-" + i)));
            } catch (InvalidInput e) {
                errors.put("block-" + i, "landing.error.block");
            }
        }
        if (errors.isEmpty()) {
            try {
                LandingPageInput input = new LandingPageInput(form.text("slug"), form.number("companyId"),
                        form.text("titleIt"), form.text("titleEn"), blocks, form.checked("published"));
                LandingPage saved = existing == null ? pages.create(caller, input, form.text("requestKey"))
                        : pages.change(caller, existing.id(), input);
                return "redirect:/landing/" + saved.id() + "?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(field -> errors.put(field, "landing.error." + field));
            }
        }
        return show(caller, existing, values, rows - NEW_ROWS, errors, model);
    }

    @GetMapping("/landing/{pageId}/poster")
    String poster(Caller caller, @PathVariable long pageId, HttpServletRequest request, Model model) {
        LandingPage page = pages.page(caller, pageId);
        String url = publicUrl.of(request, "/c/" + page.circuitId() + "/p/" + page.slug());
        String language = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("page", page).addAttribute("title", page.content().title(language))
                .addAttribute("pageUrl", url).addAttribute("qr", QrCodes.svg(url))
                .addAttribute("circuit", tenancy.circuit(page.circuitId()));
        return "marketing/landing-poster";
    }

    private static int rows(FormValues form) {
        Long rows = form.number("rows");
        return rows == null ? 0 : (int) Math.min(rows, LandingPageInput.MAX_BLOCKS + NEW_ROWS);
    }

    private static <E extends Enum<E>> E read(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Map<String, String> form(LandingPage page) {
        Map<String, String> form = new HashMap<>();
        LandingPageInput c = page.content();
        form.put("slug", c.slug());
        form.put("titleIt", c.titleIt());
        form.put("titleEn", c.titleEn());
        form.put("published", c.published() ? "on" : "");
        for (int i = 0; i < c.blocks().size(); i++) {
            Block b = c.blocks().get(i);
            form.put("kind-" + i, b.kind().name());
            form.put("textIt-" + i, b.textIt());
            form.put("textEn-" + i, b.textEn());
            form.put("imageId-" + i, b.imageId() == null ? "" : String.valueOf(b.imageId()));
            form.put("action-" + i, b.action() == null ? "" : b.action().name());
            form.put("bookable-" + i, b.bookableId() == null ? "" : String.valueOf(b.bookableId()));
            form.put("campaign-" + i, b.campaignId() == null ? "" : String.valueOf(b.campaignId()));
        }
        return form;
    }

    private String show(Caller caller, LandingPage page, Map<String, String> form, int blocks,
                        Map<String, String> errors, Model model) {
        form.putIfAbsent("requestKey", java.util.UUID.randomUUID().toString());
        model.addAttribute("page", page).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("rows", java.util.stream.IntStream.range(0, Math.max(0, blocks) + NEW_ROWS).boxed()
                        .toList())
                .addAttribute("kinds", BlockKind.values()).addAttribute("actions", CallToAction.values())
                .addAttribute("bookables", reservations.bookables(caller))
                .addAttribute("campaigns", caller.isCircuitAdmin() ? coupons.offers(caller.circuit()) : List.of())
                .addAttribute("companies", caller.isCircuitAdmin() ? tenancy.companies(caller) : List.of());
        return "marketing/landing-page";
    }
}
