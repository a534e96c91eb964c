package org.loyaltyhub.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.shared.InvalidInput;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What customers see of a store besides its address: phone, opening hours (free text), its review pages (https
 * only), and how close a phone must be to check in there by position.
 */
public record StoreProfile(
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "must be a phone number") String phone,
        @Size(max = 500) String openingHours,
        @NotNull @Min(20) @Max(2000) @Schema(description = "Metres from the store's coordinates within which a "
                + "customer checks in by position") Integer checkinRadiusMetres,
        @Size(max = 500) @Schema(description = "The store's Google Business review page, https") String googleReviewUrl,
        @Size(max = 500) @Schema(description = "The store's TripAdvisor page, https") String tripadvisorUrl) {

    public static final int DEFAULT_RADIUS = 150;

    public StoreProfile {
        phone = blankToNull(phone);
        openingHours = blankToNull(openingHours);
        googleReviewUrl = blankToNull(googleReviewUrl);
        tripadvisorUrl = blankToNull(tripadvisorUrl);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!secureUrl(googleReviewUrl)) {
            errors.put("googleReviewUrl", "must be an https:// address");
        }
        if (!secureUrl(tripadvisorUrl)) {
            errors.put("tripadvisorUrl", "must be an https:// address");
        }
        if (checkinRadiusMetres == null) {
            checkinRadiusMetres = DEFAULT_RADIUS;
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    public static StoreProfile empty() {
        return new StoreProfile(null, null, DEFAULT_RADIUS, null, null);
    }

    /** True for none, or an absolute https address with a host (what a page may link to). */
    public static boolean secureUrl(String url) {
        if (url == null) {
            return true;
        }
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && url.length() <= 500;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
