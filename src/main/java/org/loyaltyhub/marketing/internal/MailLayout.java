package org.loyaltyhub.marketing.internal;

import org.springframework.web.util.HtmlUtils;

/**
 * The look of a circuit's e-mails: its logo and colour above the message, the link to the customer area below, and
 * for a marketing message the unsubscribe link. Every value is escaped; the plain-text part says the same.
 */
public final class MailLayout {

    private MailLayout() {
    }

    /** What the layout shows around a message; {@code logoUrl} and {@code unsubscribeUrl} may be null. */
    public record Frame(String circuitName, String logoUrl, String colour, String customerAreaUrl,
                        String customerAreaLabel, String unsubscribeUrl, String unsubscribeLabel) {
    }

    public static String html(String subject, String text, Frame f) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            body.append("<p style=\"margin:0 0 16px\">")
                    .append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        String logo = f.logoUrl() == null ? ""
                : "<img src=\"" + escape(f.logoUrl()) + "\" alt=\"\" height=\"40\" style=\"vertical-align:middle;margin-right:8px\">";
        String unsubscribe = f.unsubscribeUrl() == null ? ""
                : " · <a href=\"" + escape(f.unsubscribeUrl()) + "\" style=\"color:#555\">" + escape(f.unsubscribeLabel()) + "</a>";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + escape(subject) + "</title></head>"
                + "<body style=\"margin:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#111\">"
                + "<div style=\"max-width:600px;margin:0 auto;background:#fff\">"
                + "<div style=\"background:" + escape(f.colour()) + ";color:#fff;padding:16px 24px;font-size:20px\">"
                + logo + escape(f.circuitName()) + "</div>"
                + "<div style=\"padding:24px;font-size:16px;line-height:1.5\">" + body + "</div>"
                + "<div style=\"padding:16px 24px;font-size:13px;color:#555;border-top:1px solid #e4e4e7\">"
                + "<a href=\"" + escape(f.customerAreaUrl()) + "\" style=\"color:" + escape(f.colour()) + "\">"
                + escape(f.customerAreaLabel()) + "</a>" + unsubscribe + "</div></div></body></html>";
    }

    public static String text(String text, Frame f) {
        return text.strip() + "\n\n-- \n" + f.circuitName() + "\n" + f.customerAreaLabel() + ": " + f.customerAreaUrl()
                + (f.unsubscribeUrl() == null ? "" : "\n" + f.unsubscribeLabel() + ": " + f.unsubscribeUrl()) + "\n";
    }

    /** The HTML with a 1×1 image whose loading counts the e-mail opened. */
    public static String withPixel(String html, String pixelUrl) {
        return html.replace("</body>", "<img src=\"" + escape(pixelUrl) + "\" width=\"1\" height=\"1\" alt=\"\" "
                + "style=\"display:block;border:0\"></body>");
    }

    private static String escape(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
