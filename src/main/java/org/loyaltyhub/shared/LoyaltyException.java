package org.loyaltyhub.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business failure with a stable code: the API answers it as an RFC 9457 problem whose type is
 * {@code /problems/<code>} with the status its {@link Failure} kind maps to, pages show its message. Subclasses are
 * named after the failure.
 */
public class LoyaltyException extends RuntimeException {

    private final String code;
    private final Failure failure;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public LoyaltyException(String code, Failure failure, String message) {
        super(message);
        this.code = code;
        this.failure = java.util.Objects.requireNonNull(failure);
    }

    public String code() {
        return code;
    }

    public Failure failure() {
        return failure;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public LoyaltyException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }
}
