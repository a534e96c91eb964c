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
        if (cause instanceof InvalidFormatException f && f.getValue() instanceof String text && text.indexOf('\0') >= 0) {
            return "Field '" + path(f) + "' " + NulCharacters.REFUSAL;
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

    /** The JSON path of the offending value, as a client wrote it: {@code circuit.currency}, {@code lines[2].quantity}. */
    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "?" : path.toString();
    }
}
