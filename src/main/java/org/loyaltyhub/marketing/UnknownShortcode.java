package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.util.List;

/** A template names a shortcode that does not exist: refused with the list of those that do. */
public class UnknownShortcode extends LoyaltyException {

    private final String field;

    public UnknownShortcode(String field, List<String> unknown) {
        super("unknown-shortcode", Failure.INVALID, "Unknown shortcode " + String.join(", ", unknown) + " in " + field
                + "; valid shortcodes are " + String.join(", ", Shortcode.tokens()));
        this.field = field;
        with("field", field).with("unknown", unknown).with("valid", Shortcode.tokens());
    }

    public String field() {
        return field;
    }
}
