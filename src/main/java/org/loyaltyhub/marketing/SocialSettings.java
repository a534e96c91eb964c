package org.loyaltyhub.marketing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.shared.InvalidInput;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A circuit's social side: points a member gets for each visit a shared link brings (0: none), at most so many
 * visits rewarded per member and day, and the circuit's profiles for the "follow us" block (https only).
 */
public record SocialSettings(
        @NotNull @Min(0) @Max(100000) @Schema(description = "Points per new visitor a shared link brings; 0: none")
        Integer pointsPerVisit,
        @NotNull @Min(0) @Max(1000) @Schema(description = "Rewarded visits per member and day, at most")
        Integer dailyCap,
        @Size(max = 500) String facebookUrl, @Size(max = 500) String instagramUrl, @Size(max = 500) String xUrl,
        @Size(max = 500) String tiktokUrl, @Size(max = 500) String youtubeUrl) {

    public SocialSettings {
        facebookUrl = blank(facebookUrl);
        instagramUrl = blank(instagramUrl);
        xUrl = blank(xUrl);
        tiktokUrl = blank(tiktokUrl);
        youtubeUrl = blank(youtubeUrl);
        Map<String, String> errors = new LinkedHashMap<>();
        profiles(facebookUrl, instagramUrl, xUrl, tiktokUrl, youtubeUrl).forEach((name, url) -> {
            if (!https(url)) {
                errors.put(name + "Url", "must be an https:// address");
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    public static SocialSettings defaults() {
        return new SocialSettings(0, 5, null, null, null, null, null);
    }

    /** The profiles set, by network name (facebook, instagram, x, tiktok, youtube), in that order. */
    public Map<String, String> profiles() {
        Map<String, String> set = new LinkedHashMap<>();
        profiles(facebookUrl, instagramUrl, xUrl, tiktokUrl, youtubeUrl).forEach((k, v) -> {
            if (v != null) {
                set.put(k, v);
            }
        });
        return set;
    }

    private static Map<String, String> profiles(String facebook, String instagram, String x, String tiktok,
                                                String youtube) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("facebook", facebook);
        all.put("instagram", instagram);
        all.put("x", x);
        all.put("tiktok", tiktok);
        all.put("youtube", youtube);
        return all;
    }

    /** True for none, or an absolute https address with a host. */
    public static boolean https(String url) {
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

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
