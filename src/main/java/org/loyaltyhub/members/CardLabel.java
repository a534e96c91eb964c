package org.loyaltyhub.members;

import org.loyaltyhub.shared.InvalidInput;

import java.util.function.Function;

/**
 * A merchant-defined label of a card ({@link CardGroup}, {@link CardBrand}): free text chosen by the circuit, not a
 * fixed list; trimmed, 1 to {@value #MAX} characters, no control characters.
 */
public sealed interface CardLabel permits CardGroup, CardBrand {

    int MAX = 60;

    String value();

    /** The text a label keeps: stripped, and refused (IllegalArgumentException) when it breaks a rule. */
    static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a card label cannot be blank");
        }
        String value = text.strip();
        if (value.length() > MAX) {
            throw new IllegalArgumentException("must be at most " + MAX + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return value;
    }

    /** Why the typed text is not a label, or null when it is one (or is blank: no label). */
    static String problem(String typed) {
        try {
            if (typed != null && !typed.isBlank()) {
                checked(typed);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The label typed in a request's field, null when blank; a bad one is a 400 naming the field. */
    static <L extends CardLabel> L read(String field, String typed, Function<String, L> label) {
        String problem = problem(typed);
        if (problem != null) {
            throw new InvalidInput(field, problem);
        }
        return typed == null || typed.isBlank() ? null : label.apply(typed);
    }
}
