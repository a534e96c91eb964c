package org.loyaltyhub.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.shared.InvalidInput;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review pages customers are sent to after a visit (issue 18 §3): a Google Business profile, a TripAdvisor page and
 * the shop's product reviews page, each https only and at most 500 characters; any may be missing.
 */
public record ReviewLinks(
        @Size(max = 500) @Schema(description = "Google Business profile review page, https") String googleReviewUrl,
        @Size(max = 500) @Schema(description = "TripAdvisor page, https") String tripadvisorUrl,
        @Size(max = 500) @Schema(description = "The shop's product reviews page, https") String productReviewsUrl) {

    public ReviewLinks {
        googleReviewUrl = blankToNull(googleReviewUrl);
        tripadvisorUrl = blankToNull(tripadvisorUrl);
        productReviewsUrl = blankToNull(productReviewsUrl);
        Map<String, String> errors = new LinkedHashMap<>();
        check("googleReviewUrl", googleReviewUrl, errors);
        check("tripadvisorUrl", tripadvisorUrl, errors);
        check("productReviewsUrl", productReviewsUrl, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    public static ReviewLinks none() {
        return new ReviewLinks(null, null, null);
    }

    /**
     * What customers see for a store: the store's own Google and TripAdvisor pages when it has either, else its
     * company's; the product reviews page always from the company.
     */
    public static ReviewLinks atStore(StoreProfile store, ReviewLinks company) {
        boolean storeHasOwn = store.googleReviewUrl() != null || store.tripadvisorUrl() != null;
        return storeHasOwn
                ? new ReviewLinks(store.googleReviewUrl(), store.tripadvisorUrl(), company.productReviewsUrl())
                : company;
    }

    public boolean isEmpty() {
        return googleReviewUrl == null && tripadvisorUrl == null && productReviewsUrl == null;
    }

    private static void check(String field, String url, Map<String, String> errors) {
        if (!StoreProfile.secureUrl(url)) {
            errors.put(field, "must be an https:// address of at most 500 characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
