package org.loyaltyhub.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CompanyReviewLinks;
import org.loyaltyhub.tenancy.ReviewLinks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A company's review pages (issue 18 §3), which customers see after a visit to its stores without their own. */
@RestController
class CompanyReviewLinksController {

    private final CompanyReviewLinks links;

    CompanyReviewLinksController(CompanyReviewLinks links) {
        this.links = links;
    }

    @Operation(summary = "A company's review pages: Google Business profile, TripAdvisor, the shop's product reviews")
    @GetMapping("/api/v1/companies/{id}/review-links")
    ReviewLinks get(Caller caller, @PathVariable long id) {
        return links.of(caller, id);
    }

    @Operation(summary = "Replace a company's review pages (its administrators and the circuit's): each https, at most "
            + "500 characters, missing or empty to remove it. Stores without review pages of their own show these; "
            + "the product reviews page shows for every store of the company")
    @PutMapping("/api/v1/companies/{id}/review-links")
    ReviewLinks change(Caller caller, @PathVariable long id, @Valid @RequestBody Fields body) {
        return links.change(caller, id, new ReviewLinks(body.googleReviewUrl(), body.tripadvisorUrl(),
                body.productReviewsUrl()));
    }

    /** The body as sent: checked when it becomes {@link ReviewLinks}, so a bad address is a problem naming its field. */
    record Fields(@Size(max = 500) @Schema(description = "Google Business profile review page, https") String googleReviewUrl,
                  @Size(max = 500) @Schema(description = "TripAdvisor page, https") String tripadvisorUrl,
                  @Size(max = 500) @Schema(description = "The shop's product reviews page, https") String productReviewsUrl) {
    }
}
