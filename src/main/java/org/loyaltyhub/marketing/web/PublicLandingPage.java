package org.loyaltyhub.marketing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.marketing.landing.Block;
import org.loyaltyhub.marketing.landing.BlockKind;
import org.loyaltyhub.marketing.landing.CallToAction;
import org.loyaltyhub.marketing.landing.LandingPage;
import org.loyaltyhub.marketing.landing.PendingCoupon;
import org.loyaltyhub.marketing.landing.LandingPages;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A published landing page for anyone (a page that is not published, or not of this circuit, is a plain 404), in the visitor's language: every text escaped, no script of its own, the
 * circuit's content security policy. A visit and a followed call to action count once per visitor and day; the
 * visitor is a hash of the address, the browser and the day, so nothing that names them is kept.
 */
@Controller
class PublicLandingPage {

    private final LandingPages pages;
    private final Tenancy tenancy;
    private final Reservations reservations;
    private final Clock clock;

    PublicLandingPage(LandingPages pages, Tenancy tenancy, Reservations reservations, Clock clock) {
        this.pages = pages;
        this.tenancy = tenancy;
        this.reservations = reservations;
        this.clock = clock;
    }

    @GetMapping("/c/{circuitId}/p/{slug}")
    String page(@PathVariable long circuitId, @PathVariable String slug, HttpServletRequest request, Model model) {
        LandingPage page = published(circuitId, slug);
        LocalDate day = LocalDate.ofInstant(clock.instant(), reservations.zone(circuitId));
        pages.visited(page.id(), visitor(request, page.id(), day), day);
        String language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("circuit", tenancy.circuit(circuitId)).addAttribute("page", page)
                .addAttribute("language", "it".equals(language) ? "it" : "en")
                .addAttribute("title", page.content().title(language));
        return "marketing/landing-public";
    }

    @GetMapping("/c/{circuitId}/p/{slug}/go/{position}")
    String go(@PathVariable long circuitId, @PathVariable String slug, @PathVariable int position,
              HttpServletRequest request) {
        LandingPage page = published(circuitId, slug);
        if (position < 0 || position >= page.content().blocks().size()
                || page.content().blocks().get(position).kind() != BlockKind.ACTION) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Block block = page.content().blocks().get(position);
        LocalDate day = LocalDate.ofInstant(clock.instant(), reservations.zone(circuitId));
        pages.converted(page.id(), visitor(request, page.id(), day), day, block.action());
        String base = "redirect:/c/" + circuitId;
        return switch (block.action()) {
            case JOIN -> base + "/join";
            case COUPON -> base + "/my/coupons";
            case BOOK -> base + "/my/bookings?bookable=" + block.bookableId() + "&landing=" + page.id();
        };
    }

    /**
     * A "claim a coupon" button: counts the call to action, keeps the coupon in the visitor's session and sends them
     * to the customer area, which claims it at once when they are signed in, or after they sign in or join.
     */
    @PostMapping("/c/{circuitId}/p/{slug}/claim/{position}")
    String claim(@PathVariable long circuitId, @PathVariable String slug, @PathVariable int position,
                 HttpServletRequest request) {
        LandingPage page = published(circuitId, slug);
        if (position < 0 || position >= page.content().blocks().size()
                || !page.content().blocks().get(position).claimsCoupon()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), reservations.zone(circuitId));
        pages.converted(page.id(), visitor(request, page.id(), day), day, CallToAction.COUPON);
        new PendingCoupon(circuitId, page.slug(), position).keep(request.getSession());
        return "redirect:/c/" + circuitId + "/my";
    }

    @GetMapping("/c/{circuitId}/p/images/{imageId}")
    ResponseEntity<byte[]> image(@PathVariable long circuitId, @PathVariable long imageId) {
        LandingPages.Image image = pages.image(circuitId, imageId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .header("X-Content-Type-Options", "nosniff").body(image.bytes());
    }

    private LandingPage published(long circuitId, String slug) {
        return pages.published(circuitId, slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Who visits, as a hash that cannot be reversed to an address and changes every day. */
    private static String visitor(HttpServletRequest request, long pageId, LocalDate day) {
        String seen = request.getRemoteAddr() + "|" + request.getHeader("User-Agent") + "|" + day + "|" + pageId;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seen.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
