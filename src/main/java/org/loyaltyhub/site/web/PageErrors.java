package org.loyaltyhub.site.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused or missing thing on a page shows the error page with its status, in the page's language. */
@ControllerAdvice(annotations = Page.class)
class PageErrors {

    private final Layout layout;

    PageErrors(Layout layout) {
        this.layout = layout;
    }

    @ExceptionHandler(LoyaltyException.class)
    String refused(LoyaltyException e, HttpServletResponse response, Model model) {
        int status = org.loyaltyhub.shared.web.Problems.status(e.failure());
        response.setStatus(status);
        model.addAttribute("status", status).addAttribute("me", layout.me())
                .addAttribute("circuit", layout.circuit());
        return "error";
    }
}
