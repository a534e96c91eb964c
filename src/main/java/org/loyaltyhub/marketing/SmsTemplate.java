package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.InvalidInput;

import java.util.Map;

/**
 * A notification's SMS: a body only, with the same shortcodes as its e-mail ({@link Shortcode}; an unknown one is
 * refused with the list of the valid ones). Built only valid: 1 to {@value SmsSend#MAX_LENGTH} characters, no NUL.
 */
public record SmsTemplate(String body) {

    public SmsTemplate {
        if (body == null || body.isBlank() || body.length() > SmsSend.MAX_LENGTH) {
            throw new InvalidInput("body", "A text of 1 to " + SmsSend.MAX_LENGTH + " characters is needed");
        }
        if (body.indexOf(0) >= 0) {
            throw new InvalidInput("body", "The text has a NUL character");
        }
        body = body.strip();
        MessageTemplate.check("body", body);
    }

    /** The text for these values (a shortcode without a value becomes empty), as one line per line written. */
    public String render(Map<Shortcode, String> values) {
        return MessageTemplate.fill(body, values).strip();
    }
}
