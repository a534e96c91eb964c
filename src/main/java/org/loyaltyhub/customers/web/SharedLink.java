package org.loyaltyhub.customers.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A member's link to share (issue 18 §3) and where each network's share button sends it, by the network's name. */
public record SharedLink(String title, String url, Map<String, String> buttons) {

    static SharedLink of(String title, String url, String text) {
        String u = URLEncoder.encode(url, StandardCharsets.UTF_8);
        String t = URLEncoder.encode(text, StandardCharsets.UTF_8);
        Map<String, String> b = new LinkedHashMap<>();
        b.put("WhatsApp", "https://wa.me/?text=" + t + "%20" + u);
        b.put("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u);
        b.put("X", "https://x.com/intent/post?text=" + t + "&url=" + u);
        b.put("E-mail", "mailto:?subject=" + t.replace("+", "%20") + "&body=" + u);
        return new SharedLink(title, url, b);
    }
}
