package org.loyaltyhub.tenancy.web;

import jakarta.validation.Valid;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.internal.Commands.CircuitFields;
import org.loyaltyhub.tenancy.internal.Commands.NewOperatorAccount;
import org.loyaltyhub.tenancy.internal.Commands.Setup;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The first-run page: the one-time token from the log, the platform administrator and the first circuit. */
@Page
class SetupPage {

    private final FirstRun firstRun;

    private final org.loyaltyhub.shared.web.PublicUrl publicUrl;

    SetupPage(FirstRun firstRun, org.loyaltyhub.shared.web.PublicUrl publicUrl) {
        this.firstRun = firstRun;
        this.publicUrl = publicUrl;
    }

    /** The page's messages come from its own keys ({@code setup.error.NotBlank}...), in the page's language. */
    @InitBinder("setup")
    void messagesInThePageLanguage(WebDataBinder binder) {
        DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();
        codes.setPrefix("setup.error.");
        binder.setMessageCodesResolver(codes);
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (!firstRun.required()) {
            return "redirect:/";
        }
        model.addAttribute("setup", new Setup("", new NewOperatorAccount("", "", ""),
                new CircuitFields("", "EUR", null, false, false), new NewOperatorAccount("", "", "")));
        return "setup";
    }

    @PostMapping("/setup")
    String complete(@Valid @ModelAttribute("setup") Setup setup, BindingResult errors, Model model,
                    jakarta.servlet.http.HttpServletRequest request) {
        if (!firstRun.required()) {
            return "redirect:/";
        }
        if (errors.getTarget() == null) {
            return "redirect:/setup?incomplete"; // the form was not sent whole: nothing to redisplay
        }
        if (errors.hasErrors()) {
            return "setup";
        }
        try {
            firstRun.complete(setup);
            publicUrl.rememberSetUp(request);
        } catch (LoyaltyException e) {
            String field = switch (e.code()) {
                case "invalid-setup-token" -> "token";
                case "email-taken" -> "circuitAdmin.email";
                default -> null;
            };
            if (field == null) {
                errors.reject("failed", e.getMessage());
            } else {
                errors.rejectValue(field, e.code(), e.getMessage());
            }
            return "setup";
        }
        return "redirect:/login?setup";
    }
}
