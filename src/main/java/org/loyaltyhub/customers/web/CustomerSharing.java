package org.loyaltyhub.customers.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.customers.Customer;
import org.loyaltyhub.customers.internal.CustomerSecurity.CustomerSessions;
import org.loyaltyhub.marketing.ShareTarget;
import org.loyaltyhub.marketing.Sharing;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.CompanyReviewLinks;
import org.loyaltyhub.tenancy.ReviewLinks;
import org.loyaltyhub.tenancy.StoreDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sharing and reviews in the customer area (issue 18 §3): the member's own links (referral, each store) with buttons
 * for WhatsApp, Facebook, X, e-mail and copying; the stores' review pages (their own, else their company's); the
 * circuit's social profiles. A visit
 * through a shared link ({@code /c/{circuit}/s/{token}}) is counted here and goes on to the target.
 */
@Controller
class CustomerSharing {

    /** Tells visitors of shared links apart, so a visitor counts once a day; it holds a random id and nothing else. */
    static final String VISITOR_COOKIE = "lh_visitor";

    private final SignedIn signedIn;
    private final Sharing sharing;
    private final StoreDirectory directory;
    private final PublicUrl publicUrl;
    private final CompanyReviewLinks reviewLinks;

    CustomerSharing(SignedIn signedIn, Sharing sharing, StoreDirectory directory, PublicUrl publicUrl,
                    CompanyReviewLinks reviewLinks) {
        this.reviewLinks = reviewLinks;
        this.signedIn = signedIn;
        this.sharing = sharing;
        this.directory = directory;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/c/{circuitId}/my/share")
    String share(@PathVariable long circuitId, HttpServletRequest request, Model model) {
        Member member = signedIn.member(circuitId, model);
        String circuitName = ((org.loyaltyhub.tenancy.Circuit) model.getAttribute("circuit")).name();
        List<SharedLink> links = new java.util.ArrayList<>();
        links.add(SharedLink.of(circuitName, publicUrl.of(request, sharing.link(circuitId, member.id(),
                ShareTarget.REFERRAL, null)), circuitName));
        var stores = directory.nearby(circuitId, null, StoreDirectory.MAX_RADIUS_KM);
        for (var n : stores) {
            links.add(SharedLink.of(n.store().name(), publicUrl.of(request, sharing.link(circuitId, member.id(),
                    ShareTarget.STORE, n.store().id())), n.store().name() + " · " + circuitName));
        }
        Map<Long, ReviewLinks> companies = reviewLinks.ofCircuit(circuitId);
        List<StoreReviews> reviews = stores.stream().map(n -> new StoreReviews(n.store().name(), ReviewLinks.atStore(
                        n.profile(), companies.getOrDefault(n.store().companyId(), ReviewLinks.none()))))
                .filter(r -> !r.links().isEmpty()).toList();
        model.addAttribute("links", links).addAttribute("reviews", reviews)
                .addAttribute("social", sharing.settings(circuitId));
        return "customer/share";
    }

    @GetMapping("/c/{circuitId}/s/{token}")
    String visit(@PathVariable long circuitId, @PathVariable String token, HttpServletRequest request,
                 HttpServletResponse response) {
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (VISITOR_COOKIE.equals(c.getName()) && c.getValue().matches("[0-9a-f-]{36}")) {
                    cookie = c.getValue();
                }
            }
        }
        if (cookie == null) {
            Cookie fresh = new Cookie(VISITOR_COOKIE, UUID.randomUUID().toString());
            fresh.setPath("/c/" + circuitId + "/s");
            fresh.setMaxAge(60 * 60 * 24 * 365);
            fresh.setHttpOnly(true);
            fresh.setSecure(request.isSecure());
            fresh.setAttribute("SameSite", "Lax");
            response.addCookie(fresh);
            cookie = fresh.getValue();
        }
        String client = request.getRemoteAddr() + "|" + request.getHeader("User-Agent");
        Long me = CustomerSessions.current().filter(c -> c.circuitId() == circuitId).map(Customer::memberId)
                .orElse(null);
        return "redirect:" + sharing.visited(circuitId, token, cookie, client, me).next();
    }

    /** A store's review pages as the share page lists them. */
    record StoreReviews(String storeName, ReviewLinks links) {
    }
}
