package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.shared.web.PublicUrl;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tracking links of a campaign's e-mail: a pixel ({@code /track/open/...}) that counts an open, and each link of
 * the message sent through {@code /track/click/...?url=}, which counts a click and redirects. Both are signed per
 * campaign, member (and address), so the redirect goes only where the message pointed: it is no open redirect.
 */
@Component
public class TrackingLinks {

    /** A web address, without the punctuation that ends the sentence around it. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]*[^\\s<>\".,;:!?)]");

    private final CircuitSignature signature;
    private final PublicUrl urls;

    TrackingLinks(CircuitSignature signature, PublicUrl urls) {
        this.signature = signature;
        this.urls = urls;
    }

    String openPixel(long circuitId, long campaignId, long memberId) {
        return urls.anywhere("/track/open/" + campaignId + "/" + memberId + "/"
                + signature.sign(circuitId, open(campaignId, memberId)));
    }

    /** The text with every web address in it sent through the click redirect. */
    String trackClicks(String text, long circuitId, long campaignId, long memberId) {
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = m.group();
            String tracked = urls.anywhere("/track/click/" + campaignId + "/" + memberId + "/"
                    + signature.sign(circuitId, click(campaignId, memberId, target)) + "?url="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
            m.appendReplacement(out, Matcher.quoteReplacement(tracked));
        }
        m.appendTail(out);
        return out.toString();
    }

    boolean validOpen(long circuitId, long campaignId, long memberId, String sig) {
        return signature.valid(circuitId, open(campaignId, memberId), sig);
    }

    boolean validClick(long circuitId, long campaignId, long memberId, String target, String sig) {
        return target != null && signature.valid(circuitId, click(campaignId, memberId, target), sig);
    }

    private static String open(long campaignId, long memberId) {
        return "open:" + campaignId + ":" + memberId;
    }

    private static String click(long campaignId, long memberId, String target) {
        return "click:" + campaignId + ":" + memberId + ":" + target;
    }
}
