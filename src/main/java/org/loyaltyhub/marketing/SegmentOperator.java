package org.loyaltyhub.marketing;

/**
 * How a condition compares a member's field with its values. Quantities: at least, at most, between (both ends
 * included). Lists: any of, none of. Dates: on or after, on or before, between, within or not within the last N days.
 * Consents: given or not given.
 */
public enum SegmentOperator {
    AT_LEAST(1), AT_MOST(1), BETWEEN(2),
    ANY_OF(-1), NONE_OF(-1),
    ON_OR_AFTER(1), ON_OR_BEFORE(1), WITHIN_DAYS(1), NOT_WITHIN_DAYS(1),
    GIVEN(1), NOT_GIVEN(1);

    private final int arity;

    SegmentOperator(int values) {
        this.arity = values;
    }

    /** How many values the operator takes: 1, 2, or a list (-1). */
    public int arity() {
        return arity;
    }
}
