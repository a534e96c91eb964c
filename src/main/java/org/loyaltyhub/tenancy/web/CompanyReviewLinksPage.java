package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CompanyReviewLinks;
import org.loyaltyhub.tenancy.ReviewLinks;
import org.loyaltyhub.tenancy.Role;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review pages form on the company's page (issue 18 §3): the circuit administrator's {@code /admin/companies/{id}}
 * and the company administrator's {@code /company}; bad addresses come back there with a message next to the field.
 */
@Page
class CompanyReviewLinksPage {

    private final CompanyReviewLinks links;

    CompanyReviewLinksPage(CompanyReviewLinks links) {
        this.links = links;
    }

    @PostMapping("/admin/companies/{id}/review-links")
    String save(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted,
                RedirectAttributes redirect) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        String page = caller.isCircuitAdmin() ? "/admin/companies/" + id : "/company";
        FormValues form = new FormValues(submitted);
        try {
            links.change(caller, id, new ReviewLinks(form.text("googleReviewUrl"), form.text("tripadvisorUrl"),
                    form.text("productReviewsUrl")));
            return "redirect:" + page + "?reviewLinksSaved#review-links";
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().keySet().forEach(field -> errors.put(field, "stores.error.url"));
            redirect.addFlashAttribute("reviewLinksErrors", errors).addFlashAttribute("reviewLinksForm", submitted);
            return "redirect:" + page + "#review-links";
        }
    }
}
