package org.loyaltyhub.members;

/**
 * A merchant-defined label of a card: its group (a cluster of customers) or its brand (the kind of card). Free text
 * chosen by the circuit, not a fixed list: trimmed, 1 to {@value #MAX} characters, no control characters.
 */
public record CardLabel(String value) {

    public static final int MAX = 60;

    public CardLabel {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a card label cannot be blank");
        }
        value = value.strip();
        if (value.length() > MAX) {
            throw new IllegalArgumentException("must be at most " + MAX + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
    }

    /** The label typed, or null when nothing (or only blanks) was typed. */
    public static CardLabel of(String typed) {
        return typed == null || typed.isBlank() ? null : new CardLabel(typed);
    }

    /** The label typed in a request's field (null when blank); a bad one is a 400 naming the field. */
    public static CardLabel read(String field, String typed) {
        String problem = problem(typed);
        if (problem != null) {
            throw new org.loyaltyhub.shared.InvalidInput(field, problem);
        }
        return of(typed);
    }

    /** Why the typed text is not a label, or null when it is one (or is blank). */
    public static String problem(String typed) {
        try {
            of(typed);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
