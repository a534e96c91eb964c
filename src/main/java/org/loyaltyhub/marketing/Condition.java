package org.loyaltyhub.marketing;

import org.loyaltyhub.members.ConsentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One condition of a segment, by the shape of what it compares. Each case checks, as it is built, that its field
 * and operator belong together; {@link ConditionReader} turns what a client typed into one, or names what is wrong.
 */
public sealed interface Condition {

    SegmentField field();

    SegmentOperator operator();

    /** The values as stored and sent back: plain numbers, ISO dates, ids, texts or names of constants. */
    List<String> values();

    /** The window of months a windowed field counts over (null for the others). */
    Integer months();

    /** A quantity (points, purchases, spend) at least {@code from}, at most {@code to}, or between both. */
    record Quantity(SegmentField field, SegmentOperator operator, BigDecimal from, BigDecimal to, Integer months)
            implements Condition {
        public Quantity {
            require(field, SegmentField.Kind.QUANTITY, operator);
            if ((operator != SegmentOperator.AT_MOST) != (from != null)
                    || (operator != SegmentOperator.AT_LEAST) != (to != null)) {
                throw new IllegalArgumentException(operator + " takes " + operator.arity() + " value(s)");
            }
            if (from != null && to != null && from.compareTo(to) > 0) {
                throw new IllegalArgumentException("from above to");
            }
            if (field.windowed() != (months != null)) {
                throw new IllegalArgumentException(field + (field.windowed() ? " needs" : " takes no") + " months");
            }
        }

        @Override
        public List<String> values() {
            return java.util.stream.Stream.of(from, to).filter(Objects::nonNull).map(BigDecimal::toPlainString).toList();
        }
    }

    /** The member's value is one of the listed (or none of them; a member without a value is in none). */
    record OneOf(SegmentField field, SegmentOperator operator, List<String> values) implements Condition {
        public OneOf {
            if (field.kind() != SegmentField.Kind.REFERENCE && field.kind() != SegmentField.Kind.TEXT
                    && field.kind() != SegmentField.Kind.CHOICE) {
                throw new IllegalArgumentException(field + " is not a list field");
            }
            require(field, field.kind(), operator);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no values");
            }
        }

        public boolean none() {
            return operator == SegmentOperator.NONE_OF;
        }

        @Override
        public Integer months() {
            return null;
        }
    }

    /** A day (enrolment, last purchase) on or after, on or before, between two dates, or within the last N days. */
    record Dated(SegmentField field, SegmentOperator operator, LocalDate from, LocalDate to, Integer days)
            implements Condition {
        public Dated {
            require(field, SegmentField.Kind.DATE, operator);
            boolean relative = operator == SegmentOperator.WITHIN_DAYS || operator == SegmentOperator.NOT_WITHIN_DAYS;
            if (relative != (days != null)
                    || (!relative && (operator != SegmentOperator.ON_OR_BEFORE) != (from != null))
                    || (!relative && (operator != SegmentOperator.ON_OR_AFTER) != (to != null))
                    || (relative && (from != null || to != null))) {
                throw new IllegalArgumentException(operator + " takes other values");
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from after to");
            }
        }

        @Override
        public List<String> values() {
            return days != null ? List.of(days.toString())
                    : java.util.stream.Stream.of(from, to).filter(Objects::nonNull).map(LocalDate::toString).toList();
        }

        @Override
        public Integer months() {
            return null;
        }
    }

    /** The consent of a kind in force: given, or not given (withdrawn or never asked). */
    record Consented(ConsentKind kind, boolean given) implements Condition {
        public Consented {
            Objects.requireNonNull(kind);
        }

        @Override
        public SegmentField field() {
            return SegmentField.CONSENT;
        }

        @Override
        public SegmentOperator operator() {
            return given ? SegmentOperator.GIVEN : SegmentOperator.NOT_GIVEN;
        }

        @Override
        public List<String> values() {
            return List.of(kind.name());
        }

        @Override
        public Integer months() {
            return null;
        }
    }

    private static void require(SegmentField field, SegmentField.Kind kind, SegmentOperator operator) {
        if (field.kind() != kind || !field.operators().contains(operator)) {
            throw new IllegalArgumentException(field + " does not take " + operator);
        }
    }
}
