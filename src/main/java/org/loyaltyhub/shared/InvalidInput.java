package org.loyaltyhub.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input that passed syntax checks but breaks a rule; carries one message per offending field. */
public class InvalidInput extends LoyaltyException {

    private final Map<String, String> fieldErrors;

    public InvalidInput(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInput(Map<String, String> fieldErrors) {
        super("invalid-input", Failure.INVALID, "The request has invalid fields: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
        with("errors", this.fieldErrors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
