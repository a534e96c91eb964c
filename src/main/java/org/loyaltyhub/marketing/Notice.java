package org.loyaltyhub.marketing;

import java.util.Map;

/**
 * A fact to tell a member about: its kind, the business key that makes it once-only in the circuit (such as
 * {@code earned:<entry id>}) and the values its template may use beyond the member's own.
 */
public record Notice(long circuitId, long memberId, NotificationKind kind, String businessKey,
                     Map<Shortcode, String> values) {

    public Notice {
        if (kind == null || businessKey == null || businessKey.isBlank() || businessKey.length() > 200) {
            throw new IllegalArgumentException("A notice needs a kind and a business key of 1 to 200 characters");
        }
        values = Map.copyOf(values);
    }
}
