package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's subject and body with shortcodes in braces. Built only valid: neither part blank or too long, and
 * every shortcode one of {@link Shortcode}; anything else in braces is left as it is written.
 */
public record MessageTemplate(String subject, String body) {

    private static final Pattern SHORTCODE = Pattern.compile("\\{([a-z_]{1,40})}");

    public MessageTemplate {
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new InvalidInput("subject", "A subject of 1 to 200 characters is needed");
        }
        if (body == null || body.isBlank() || body.length() > 10_000) {
            throw new InvalidInput("body", "A body of 1 to 10,000 characters is needed");
        }
        if (subject.indexOf(0) >= 0 || body.indexOf(0) >= 0) {
            throw new InvalidInput(subject.indexOf(0) >= 0 ? "subject" : "body", "The text has a NUL character");
        }
        subject = subject.strip();
        body = body.strip();
        check("subject", subject);
        check("body", body);
    }

    static void check(String field, String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = SHORTCODE.matcher(text);
        while (m.find()) {
            if (Shortcode.named(m.group(1)).isEmpty() && !unknown.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownShortcode(field, unknown);
        }
    }

    /** The message for these values: a shortcode without a value becomes empty. */
    public Rendered render(Map<Shortcode, String> values) {
        return new Rendered(fill(subject, values).replaceAll("\\s+", " ").strip(), fill(body, values));
    }

    static String fill(String text, Map<Shortcode, String> values) {
        Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = Shortcode.named(m.group(1)).map(s -> values.getOrDefault(s, "")).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A subject and a plain-text body with the values in; {@link MailLayout} makes the HTML of it. */
    public record Rendered(String subject, String text) {
    }
}
