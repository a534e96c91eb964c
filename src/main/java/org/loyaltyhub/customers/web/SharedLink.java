package org.loyaltyhub.customers.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member's link to share (issue 18 §3) and where each share button sends it, by the button's message key
 * ({@code share.network.*}: the networks' names, and "E-mail" in the page's language).
 */
public record SharedLink(String title, String url, Map<String, String> buttons) {

    static SharedLink of(String title, String url, String text) {
        String u = URLEncoder.encode(url, StandardCharsets.UTF_8);
        String t = URLEncoder.encode(text, StandardCharsets.UTF_8);
        Map<String, String> b = new LinkedHashMap<>();
        b.put("share.network.whatsapp", "https://wa.me/?text=" + t + "%20" + u);
        b.put("share.network.facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u);
        b.put("share.network.x", "https://x.com/intent/post?text=" + t + "&url=" + u);
        b.put("share.network.email", "mailto:?subject=" + t.replace("+", "%20") + "&body=" + u);
        return new SharedLink(title, url, b);
    }
}
