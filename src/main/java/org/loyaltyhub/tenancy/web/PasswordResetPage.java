package org.loyaltyhub.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LinkRequestLimits;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.TooManyAttempts;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.internal.PasswordResets;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.Map;

/**
 * "Forgot password": the operator asks for a link by e-mail and sets a new password with it. The answer never
 * tells whether the address belongs to an operator.
 */
@Page
class PasswordResetPage {

    private final PasswordResets resets;
    private final PublicUrl publicUrl;
    private final MessageSource messages;
    private final LinkRequestLimits limits;

    PasswordResetPage(PasswordResets resets, PublicUrl publicUrl, MessageSource messages, LinkRequestLimits limits) {
        this.resets = resets;
        this.limits = limits;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    @GetMapping("/login/forgot")
    String form() {
        return "forgot";
    }

    @PostMapping("/login/forgot")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
                   HttpServletResponse response, Locale locale, Model model) {
        try {
            limits.count(email, request.getRemoteAddr());
        } catch (TooManyAttempts e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.seconds()));
            model.addAttribute("throttled", e.minutes());
            return "forgot";
        }
        resets.request(email, link -> new Mailer.Mail(link.email(), messages.getMessage("reset.mail.subject", null, locale),
                messages.getMessage("reset.mail.body", new Object[]{link.name(),
                        publicUrl.of(request, "/login/reset?token=" + link.token())}, locale)));
        model.addAttribute("sent", true);
        return "forgot";
    }

    @GetMapping("/login/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token).addAttribute("usable", resets.usable(token));
        return "reset";
    }

    @PostMapping("/login/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String repeated, Model model) {
        try {
            resets.reset(token, password, repeated);
            return "redirect:/login?reset";
        } catch (InvalidInput e) {
            Map.Entry<String, String> error = e.fieldErrors().entrySet().iterator().next();
            model.addAttribute("token", token).addAttribute("usable", !"token".equals(error.getKey()))
                    .addAttribute("errors", Map.of(error.getKey(), "reset.error." + error.getKey()));
            return "reset";
        }
    }
}
