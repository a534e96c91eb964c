package org.loyaltyhub.customers.web;

import org.loyaltyhub.passes.PhonePasses;
import org.loyaltyhub.passes.WalletLinks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.customers.Customer;
import org.loyaltyhub.customers.internal.CustomerAccounts;
import org.loyaltyhub.customers.internal.CustomerAccounts.Link;
import org.loyaltyhub.customers.internal.CustomerAccounts.Purpose;
import org.loyaltyhub.customers.internal.CustomerAccounts.SignInResult;
import org.loyaltyhub.customers.internal.CustomerSecurity.CustomerSessions;
import org.loyaltyhub.marketing.ReferralChannel;
import org.loyaltyhub.marketing.Referrals;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LinkRequestLimits;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.TooManyAttempts;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The circuit's public loyalty space, sign-up (confirmed by an e-mail link), sign-in with a password or with a
 * link by e-mail, and sign-out. Answers never reveal whether an address has an account.
 */
@Controller
class CustomerPages {

    private final SpaceModel space;
    private final CustomerAccounts accounts;
    private final CustomerSessions sessions;
    private final Tenancy tenancy;
    private final PublicUrl publicUrl;
    private final MessageSource messages;
    private final Referrals referrals;
    private final LinkRequestLimits linkLimits;
    private final PhonePasses phonePasses;
    private final org.loyaltyhub.marketing.Sharing sharing;

    CustomerPages(SpaceModel space, CustomerAccounts accounts, CustomerSessions sessions, Tenancy tenancy,
                  PublicUrl publicUrl, MessageSource messages, Referrals referrals, LinkRequestLimits linkLimits,
                  PhonePasses phonePasses, org.loyaltyhub.marketing.Sharing sharing) {
        this.phonePasses = phonePasses;
        this.sharing = sharing;
        this.referrals = referrals;
        this.linkLimits = linkLimits;
        this.space = space;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tenancy = tenancy;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    @GetMapping("/c/{circuitId}")
    String space(@PathVariable long circuitId, @RequestParam(required = false) Long store, Model model) {
        space.add(circuitId, model);
        model.addAttribute("store", store(circuitId, store)).addAttribute("companies", tenancy.companiesOf(circuitId))
                .addAttribute("social", sharing.settings(circuitId));
        return "customer/space";
    }

    /** A company's own page in the circuit's loyalty space: its stores, and sign-up at its first store. */
    @GetMapping("/c/{circuitId}/company/{companyId}")
    String companySpace(@PathVariable long circuitId, @PathVariable long companyId, Model model) {
        space.add(circuitId, model);
        var company = tenancy.companiesOf(circuitId).stream().filter(c -> c.id() == companyId).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        var stores = tenancy.storesOf(circuitId, companyId);
        model.addAttribute("company", company).addAttribute("companyStores", stores)
                .addAttribute("store", stores.isEmpty() ? null : stores.getFirst())
                .addAttribute("companies", java.util.List.of());
        return "customer/space";
    }

    @GetMapping("/c/{circuitId}/join")
    String joinForm(@PathVariable long circuitId, @RequestParam(required = false) Long store,
                    @RequestParam(required = false) String ref, Model model) {
        space.add(circuitId, model);
        model.addAttribute("form", ref == null ? Map.of() : Map.of("ref", ref))
                .addAttribute("store", store(circuitId, store)).addAttribute("privacy", space.privacy(circuitId))
                .addAttribute("terms", space.terms(circuitId));
        return "customer/join";
    }

    @PostMapping("/c/{circuitId}/join")
    String join(@PathVariable long circuitId, @RequestParam Map<String, String> form, HttpServletRequest request,
                HttpServletResponse response, Locale locale, Model model) {
        space.add(circuitId, model);
        Store store = store(circuitId, number(form.get("store")));
        try {
            Optional<Long> member = accounts.signUp(circuitId, new CustomerAccounts.SignUp(form.get("firstName"),
                            form.get("lastName"), form.get("email"), form.get("password"), "on".equals(form.get("privacy")),
                            "on".equals(form.get("terms")), "on".equals(form.get("newsletter")),
                            store == null ? null : store.id(), Language.of(locale)),
                    space.privacy(circuitId).tag(), space.terms(circuitId).tag(), request.getRemoteAddr(),
                    link -> mail(circuitId, link, request, locale));
            String ref = form.get("ref");
            if (ref != null && !ref.isBlank()) {
                // a refused code is recorded with its reason; the sign-up stands, and the page says nothing more
                member.ifPresent(id -> referrals.refer(circuitId, id, ref, ReferralChannel.LOYALTY_SPACE,
                        "member:" + id));
            }
            model.addAttribute("sentTo", form.get("email")).addAttribute("kind", "join");
            return "customer/sent";
        } catch (InvalidInput e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> errors.put(field,
                    message.startsWith("join.") ? message : "join.error.form"));
            return joinAgain(circuitId, form, store, errors, model);
        } catch (TooManyAttempts e) {
            refused(e, response);
            return joinAgain(circuitId, form, store, Map.of("form", "join.error.throttled"), model);
        } catch (LoyaltyException | org.springframework.dao.DataIntegrityViolationException e) {
            // two sign-ups with one new address at once: the second finds it taken, and gets the answer any taken
            // address gets (nothing was written for it)
            model.addAttribute("sentTo", form.get("email")).addAttribute("kind", "join");
            return "customer/sent";
        }
    }

    private String joinAgain(long circuitId, Map<String, String> form, Store store, Map<String, String> errors,
                             Model model) {
        model.addAttribute("errors", errors).addAttribute("form", form).addAttribute("store", store)
                .addAttribute("privacy", space.privacy(circuitId)).addAttribute("terms", space.terms(circuitId));
        return "customer/join";
    }

    private static void refused(TooManyAttempts e, HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(e.seconds()));
    }

    @GetMapping("/c/{circuitId}/login")
    String signInForm(@PathVariable long circuitId, HttpServletRequest request, Model model) {
        space.add(circuitId, model);
        model.addAttribute("couponWaiting", org.loyaltyhub.marketing.landing.PendingCoupon.waiting(
                request.getSession(false), circuitId));
        return "customer/login";
    }

    @PostMapping("/c/{circuitId}/login")
    String signIn(@PathVariable long circuitId, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password, HttpServletRequest request,
                  HttpServletResponse response, Locale locale, Model model) {
        space.add(circuitId, model);
        String error;
        try {
            SignInResult result = accounts.signIn(circuitId, email, password, request.getRemoteAddr(),
                    customer -> sessions.signIn(customer, request, response));
            if (result == SignInResult.OK) {
                return "redirect:/c/" + circuitId + "/my";
            }
            if (result == SignInResult.UNVERIFIED) {
                accounts.emailLink(circuitId, email, link -> mail(circuitId, link, request, locale));
            }
            error = "customerLogin." + result.name().toLowerCase(Locale.ROOT);
        } catch (TooManyAttempts e) {
            refused(e, response);
            error = "customerLogin.throttled";
        }
        model.addAttribute("error", error).addAttribute("email", email);
        return "customer/login";
    }

    @PostMapping("/c/{circuitId}/login/link")
    String emailLink(@PathVariable long circuitId, @RequestParam(defaultValue = "") String email,
                     HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        space.add(circuitId, model);
        try {
            linkLimits.count(email, request.getRemoteAddr());
        } catch (TooManyAttempts e) {
            refused(e, response);
            model.addAttribute("error", "customerLogin.linkThrottled").addAttribute("email", email);
            return "customer/login";
        }
        accounts.emailLink(circuitId, email, link -> mail(circuitId, link, request, locale));
        model.addAttribute("sentTo", email).addAttribute("kind", "link");
        return "customer/sent";
    }

    /** A link's landing page asks for one click: mail scanners that open links must not use them up. */
    @GetMapping({"/c/{circuitId}/verify", "/c/{circuitId}/link"})
    String confirmForm(@PathVariable long circuitId, @RequestParam(defaultValue = "") String token,
                       HttpServletRequest request, Model model) {
        space.add(circuitId, model);
        Purpose purpose = request.getRequestURI().endsWith("/verify") ? Purpose.VERIFY : Purpose.SIGN_IN;
        model.addAttribute("token", token).addAttribute("purpose", purpose.name())
                .addAttribute("usable", accounts.usable(circuitId, token, purpose));
        return "customer/confirm";
    }

    @PostMapping({"/c/{circuitId}/verify", "/c/{circuitId}/link"})
    String confirm(@PathVariable long circuitId, @RequestParam(defaultValue = "") String token,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        space.add(circuitId, model);
        boolean verify = request.getRequestURI().endsWith("/verify");
        Optional<Customer> customer = verify
                ? accounts.verify(circuitId, token, space.privacy(circuitId).tag(), space.terms(circuitId).tag())
                : accounts.useSignInLink(circuitId, token);
        if (customer.isEmpty()) {
            model.addAttribute("token", token).addAttribute("purpose", verify ? "VERIFY" : "SIGN_IN")
                    .addAttribute("usable", false);
            response.setStatus(410);
            return "customer/confirm";
        }
        sessions.signIn(customer.get(), request, response);
        return "redirect:/c/" + circuitId + "/my" + (verify ? "?welcome" : "");
    }

    @PostMapping("/c/{circuitId}/logout")
    String signOut(@PathVariable long circuitId, HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        return "redirect:/c/" + circuitId + "/login?out";
    }

    private Mailer.Mail mail(long circuitId, Link link, HttpServletRequest request, Locale locale) {
        String path = link.purpose() == Purpose.VERIFY ? "/verify" : "/link";
        String url = publicUrl.of(request, "/c/" + circuitId + path + "?token=" + link.token());
        String circuit = tenancy.circuit(circuitId).name();
        String key = link.purpose() == Purpose.VERIFY ? "customerMail.verify" : "customerMail.link";
        Object[] args = {link.name().isBlank() ? link.email() : link.name(), circuit, url};
        return new Mailer.Mail(link.email(), messages.getMessage(key + ".subject", args, locale),
                messages.getMessage(key + ".body", args, locale) + walletLinks(circuitId, link, locale));
    }

    /** The sign-up e-mail offers the card for the phone's wallet when the circuit configured one. */
    private String walletLinks(long circuitId, Link link, Locale locale) {
        if (link.purpose() != Purpose.VERIFY) {
            return "";
        }
        WalletLinks links = phonePasses.links(circuitId, link.memberId());
        StringBuilder text = new StringBuilder();
        if (links.apple() != null) {
            text.append("\n\n").append(messages.getMessage("passes.mail.apple", new Object[] {links.apple()}, locale));
        }
        if (links.google() != null) {
            text.append("\n\n").append(messages.getMessage("passes.mail.google", new Object[] {links.google()}, locale));
        }
        return text.toString();
    }

    private Store store(long circuitId, Long storeId) {
        if (storeId == null) {
            return null;
        }
        try {
            return tenancy.store(circuitId, storeId);
        } catch (LoyaltyException e) {
            return null; // a stale poster still leads to the sign-up, without the store
        }
    }

    private static Long number(String s) {
        return s != null && s.matches("[0-9]{1,18}") ? Long.valueOf(s) : null;
    }
}
