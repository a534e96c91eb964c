package org.loyaltyhub.customers.web;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.marketing.landing.LandingPages;
import org.loyaltyhub.marketing.landing.PendingCoupon;
import org.loyaltyhub.rewards.CouponRefused;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.privacy.LegalText;
import org.loyaltyhub.purchases.Visits;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The customer area, phone first: the card with its QR code and the balance, the history of points and visits,
 * coupons and messages, consents and the legal terms. A new version of the terms is asked for before anything else.
 */
@Controller
class CustomerArea {

    private final org.loyaltyhub.programs.ActivePromotions promotions;
    private final SpaceModel space;
    private final Members members;
    private final Ledger ledger;
    private final Visits visits;
    private final Tenancy tenancy;
    private final Clock clock;
    private final org.loyaltyhub.programs.StatusHistory statusHistory;
    private final org.loyaltyhub.programs.MemberStatuses statuses;
    private final SignedIn signedIn;
    private final org.loyaltyhub.marketing.Inbox inbox;
    private final LandingPages landingPages;
    private final ReviewPrompt reviews;

    CustomerArea(SpaceModel space, Members members, Ledger ledger, Visits visits, Tenancy tenancy, Clock clock,
                 org.loyaltyhub.programs.StatusHistory statusHistory, org.loyaltyhub.programs.MemberStatuses statuses, SignedIn signedIn,
                 org.loyaltyhub.marketing.Inbox inbox, LandingPages landingPages,
                 org.loyaltyhub.programs.ActivePromotions promotions, ReviewPrompt reviews) {
        this.promotions = promotions;
        this.reviews = reviews;
        this.inbox = inbox;
        this.landingPages = landingPages;
        this.statusHistory = statusHistory;
        this.statuses = statuses;
        this.signedIn = signedIn;
        this.space = space;
        this.members = members;
        this.ledger = ledger;
        this.visits = visits;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @GetMapping("/c/{circuitId}/my")
    String card(@PathVariable long circuitId, Model model, jakarta.servlet.http.HttpServletRequest request) {
        Member member = signedIn(circuitId, model);
        if (!outdated(member).isEmpty()) {
            return "redirect:/c/" + circuitId + "/my/terms";
        }
        var pending = PendingCoupon.take(request.getSession(false), circuitId);
        if (pending.isPresent()) {
            return "redirect:/c/" + circuitId + "/my/coupons?" + claim(pending.get(), member);
        }
        model.addAttribute("balance", ledger.memberBalance(circuitId, member.id(),
                clock.instant().plus(Duration.ofDays(30))));
        reviews.after(circuitId, member.id()).ifPresent(p -> model.addAttribute("reviewAt", p.links())
                .addAttribute("reviewStore", storeName(circuitId, p.storeId())));
        return "customer/card";
    }

    /** Claims the coupon a landing page's button asked for before the sign-in: the coupons page's parameters. */
    private String claim(PendingCoupon coupon, Member member) {
        try {
            var claimed = landingPages.claimCoupon(coupon.circuitId(), coupon.slug(), coupon.position(), member.id());
            return "coupon=" + java.net.URLEncoder.encode(claimed.code(), java.nio.charset.StandardCharsets.UTF_8)
                    + (claimed.claimedBefore() ? "&before" : "");
        } catch (CouponRefused e) {
            return "couponRefused=" + e.reason().name();
        } catch (org.loyaltyhub.shared.NotFound e) {
            return "couponRefused=GONE";
        }
    }

    /** The member's tier in their language, for the card they save (null: none). */
    private String tierName(Member member) {
        var tier = statuses.of(member.circuitId(), member.id()).tier();
        return tier == null ? null : tier.name().in(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @GetMapping("/c/{circuitId}/my/card.{format:svg|png}")
    ResponseEntity<?> qr(@PathVariable long circuitId, @PathVariable String format, Model model) {
        Member member = signedIn(circuitId, model);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        return "png".equals(format)
                ? ok.contentType(MediaType.IMAGE_PNG).body(QrCodes.cardPng(member.card().qrPayload(), 600,
                        java.util.Arrays.asList(member.displayName(), member.card().number(), tierName(member))))
                : ok.contentType(MediaType.valueOf("image/svg+xml")).body(QrCodes.svg(member.card().qrPayload()));
    }

    @GetMapping("/c/{circuitId}/my/history")
    String history(@PathVariable long circuitId, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "0") int visitsPage, Model model) {
        Member member = signedIn(circuitId, model);
        var movements = ledger.memberHistory(circuitId, member.id(), Ledger.HistoryFilter.ALL,
                PageQuery.of(Math.max(page, 0), 20));
        var visitList = visits.of(circuitId, member.id(), PageQuery.of(Math.max(visitsPage, 0), 10));
        Map<Long, String> stores = new HashMap<>();
        movements.items().stream().map(Ledger.Movement::storeId).filter(Objects::nonNull)
                .forEach(id -> stores.computeIfAbsent(id, s -> storeName(circuitId, s)));
        visitList.items().stream().map(Visits.Visit::storeId).filter(Objects::nonNull)
                .forEach(id -> stores.computeIfAbsent(id, s -> storeName(circuitId, s)));
        model.addAttribute("movements", movements).addAttribute("visits", visitList).addAttribute("stores", stores)
                .addAttribute("statusEvents", statusHistory.latest(circuitId, member.id(), 20));
        return "customer/history";
    }

    @GetMapping("/c/{circuitId}/my/messages")
    String messages(@PathVariable long circuitId, Model model) {
        Member member = signedIn(circuitId, model);
        model.addAttribute("messages", inbox.latest(circuitId, member.id(), 100))
                .addAttribute("promotions", promotions.running(circuitId, member.id()))
                .addAttribute("now", clock.instant());
        return "customer/messages";
    }

    @PostMapping("/c/{circuitId}/my/messages/{messageId}/read")
    String markRead(@PathVariable long circuitId, @PathVariable long messageId, Model model) {
        inbox.markRead(circuitId, signedIn(circuitId, model).id(), messageId);
        return "redirect:/c/" + circuitId + "/my/messages#message-" + messageId;
    }

    @PostMapping("/c/{circuitId}/my/messages/read")
    String markAllRead(@PathVariable long circuitId, Model model) {
        inbox.markAllRead(circuitId, signedIn(circuitId, model).id());
        return "redirect:/c/" + circuitId + "/my/messages";
    }

    @GetMapping("/c/{circuitId}/my/consents")
    String consents(@PathVariable long circuitId, Model model) {
        signedIn(circuitId, model);
        return "customer/consents";
    }

    @PostMapping("/c/{circuitId}/my/consents")
    String changeConsents(@PathVariable long circuitId, @RequestParam Map<String, String> form, Model model) {
        Member member = signedIn(circuitId, model);
        String version = space.privacy(circuitId).tag();
        for (ConsentKind kind : new ConsentKind[]{ConsentKind.NEWSLETTER, ConsentKind.MARKETING}) {
            boolean wanted = "on".equals(form.get(kind.name()));
            if (wanted != granted(member, kind)) {
                members.consent(circuitId, member.id(), kind, wanted, version);
            }
        }
        return "redirect:/c/" + circuitId + "/my/consents?saved";
    }

    /** The language the customer's messages and e-mails are written in. */
    @PostMapping("/c/{circuitId}/my/language")
    String changeLanguage(@PathVariable long circuitId, @RequestParam(defaultValue = "") String language,
                          Model model) {
        Member member = signedIn(circuitId, model);
        Language chosen = Language.read(language);
        if (chosen == null) {
            model.addAttribute("errors", Map.of("language", "my.language.error"));
            return "customer/consents";
        }
        members.changeLanguage(circuitId, member.id(), chosen);
        return "redirect:/c/" + circuitId + "/my/consents?languageSaved";
    }

    @GetMapping("/c/{circuitId}/my/terms")
    String terms(@PathVariable long circuitId, Model model) {
        Member member = signedIn(circuitId, model);
        model.addAttribute("privacy", space.privacy(circuitId)).addAttribute("terms", space.terms(circuitId))
                .addAttribute("outdated", outdated(member));
        return "customer/terms";
    }

    @PostMapping("/c/{circuitId}/my/terms")
    String accept(@PathVariable long circuitId, @RequestParam(defaultValue = "") String accept, Model model) {
        Member member = signedIn(circuitId, model);
        if (!"on".equals(accept)) {
            model.addAttribute("privacy", space.privacy(circuitId)).addAttribute("terms", space.terms(circuitId))
                    .addAttribute("outdated", outdated(member)).addAttribute("errors", Map.of("accept", "terms.error.accept"));
            return "customer/terms";
        }
        for (LegalText text : outdated(member)) {
            members.consent(circuitId, member.id(), text.kind() == LegalText.Kind.PRIVACY ? ConsentKind.PRIVACY
                    : ConsentKind.TERMS, true, text.tag());
        }
        return "redirect:/c/" + circuitId + "/my";
    }

    /** The published texts whose version in force the member has not accepted yet. */
    private java.util.List<LegalText> outdated(Member member) {
        return java.util.stream.Stream.of(space.privacy(member.circuitId()), space.terms(member.circuitId()))
                .filter(LegalText::published)
                .filter(text -> member.consents().stream().noneMatch(c -> c.granted()
                        && c.kind().name().equals(text.kind().name()) && text.tag().equals(c.textVersion())))
                .toList();
    }

    private Member signedIn(long circuitId, Model model) {
        return signedIn.member(circuitId, model);
    }

    private static boolean granted(Member member, ConsentKind kind) {
        return member.consents().stream().anyMatch(c -> c.kind() == kind && c.granted());
    }

    private String storeName(long circuitId, long storeId) {
        Store store = tenancy.store(circuitId, storeId);
        return store.name();
    }
}
