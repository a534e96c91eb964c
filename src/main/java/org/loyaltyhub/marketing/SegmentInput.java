package org.loyaltyhub.marketing;

import java.util.List;

/**
 * A segment as a client sends it, before {@link ConditionReader} checks it: names of constants and values as text,
 * so that an unknown field or a bad value is named next to where it was typed.
 */
public record SegmentInput(String name, String description, String match, List<GroupInput> groups) {

    public record GroupInput(String match, List<ConditionInput> conditions) {
    }

    /** A field, an operator, its values (one, two for BETWEEN, or a list) and, for purchases and spend, months. */
    public record ConditionInput(String field, String operator, List<String> values, Integer months) {
    }
}
