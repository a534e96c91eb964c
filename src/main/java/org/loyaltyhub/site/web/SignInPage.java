package org.loyaltyhub.site.web;

import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page that sends each role where its work is. */
@org.loyaltyhub.shared.web.Page
class SignInPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Caller caller) {
        return switch (caller.role()) {
            case PLATFORM_ADMIN -> "redirect:/platform";
            case CIRCUIT_ADMIN -> "redirect:/admin";
            case COMPANY_ADMIN -> "redirect:/company";
            case STORE_OPERATOR, API_KEY -> "redirect:/counter";
        };
    }
}
