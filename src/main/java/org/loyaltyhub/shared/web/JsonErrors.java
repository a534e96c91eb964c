package org.loyaltyhub.shared.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Explains in one sentence why a JSON body could not be read, naming the field where there is one. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException f) {
            return "Field '" + path(f) + "' has an invalid value: " + f.getValue();
        }
        if (cause instanceof MismatchedInputException m) {
            return "Field '" + path(m) + "' has the wrong type";
        }
        if (cause instanceof DatabindException d && d.getCause() instanceof IllegalArgumentException iae) {
            return "Field '" + path(d) + "': " + iae.getMessage();
        }
        if (cause instanceof JacksonException) {
            return "The body is not valid JSON";
        }
        return "The request body is missing or unreadable";
    }

    private static String path(DatabindException e) {
        String path = e.getPathReference();
        return path == null || path.isBlank() ? "?" : path.replaceAll("^.*?\\[\"", "").replace("\"]", "")
                .replace("[\"", ".");
    }
}
