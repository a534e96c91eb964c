package org.loyaltyhub.customers.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.customers.internal.CustomerAccounts;
import org.loyaltyhub.customers.internal.CustomerAccounts.SignInResult;
import org.loyaltyhub.customers.internal.CustomerSecurity.CustomerSessions;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.privacy.MemberRights;
import org.loyaltyhub.shared.TooManyAttempts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;

/**
 * "Your data" in the customer area (issue 15): download everything held about you, or erase it, each only within
 * {@link #FRESH} of proving who you are again (the password asked once more, or a sign-in link by e-mail).
 */
@Controller
class CustomerPrivacy {

    static final Duration FRESH = Duration.ofMinutes(10);

    private final SignedIn signedIn;
    private final CustomerAccounts accounts;
    private final CustomerSessions sessions;
    private final MemberRights rights;

    CustomerPrivacy(SignedIn signedIn, CustomerAccounts accounts, CustomerSessions sessions, MemberRights rights) {
        this.signedIn = signedIn;
        this.accounts = accounts;
        this.sessions = sessions;
        this.rights = rights;
    }

    @GetMapping("/c/{circuitId}/my/privacy")
    String page(@PathVariable long circuitId, HttpServletRequest request, Model model) {
        signedIn.member(circuitId, model);
        model.addAttribute("fresh", sessions.authenticatedWithin(request, FRESH));
        return "customer/privacy";
    }

    @PostMapping("/c/{circuitId}/my/privacy/confirm")
    String confirm(@PathVariable long circuitId, @RequestParam(defaultValue = "") String password,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        Member member = signedIn.member(circuitId, model);
        try {
            boolean[] same = {false};
            SignInResult result = accounts.signIn(circuitId, member.email(), password, request.getRemoteAddr(),
                    c -> same[0] = c.memberId() == member.id());
            if (result == SignInResult.OK && same[0]) {
                sessions.reauthenticated(request);
                return "redirect:/c/" + circuitId + "/my/privacy";
            }
            model.addAttribute("error", "myPrivacy.wrongPassword");
        } catch (TooManyAttempts e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.seconds()));
            model.addAttribute("error", "customerLogin.throttled");
        }
        model.addAttribute("fresh", false);
        return "customer/privacy";
    }

    @GetMapping("/c/{circuitId}/my/privacy/export.zip")
    ResponseEntity<byte[]> export(@PathVariable long circuitId, HttpServletRequest request, Model model) {
        Member member = signedIn.member(circuitId, model);
        if (!sessions.authenticatedWithin(request, FRESH)) {
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/c/" + circuitId + "/my/privacy").build();
        }
        return rights.exportOwn(circuitId, member.id()).download();
    }

    @PostMapping("/c/{circuitId}/my/privacy/erase")
    String erase(@PathVariable long circuitId, @RequestParam(defaultValue = "false") boolean understood,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        Member member = signedIn.member(circuitId, model);
        boolean fresh = sessions.authenticatedWithin(request, FRESH);
        if (!fresh || !understood) {
            model.addAttribute("fresh", fresh).addAttribute("eraseError", "myPrivacy.confirmErase");
            return "customer/privacy"; // the page again, with the message next to the box (as every form does)
        }
        rights.eraseOwn(circuitId, member.id());
        sessions.signOut(request, response);
        request.getSession().invalidate();
        return "redirect:/c/" + circuitId + "?erased";
    }
}
