package org.loyaltyhub.shared;

/** A non-negative quantity of loyalty points. Points are whole numbers and never a floating-point value. */
public record Points(long value) implements Comparable<Points> {

    public static final Points ZERO = new Points(0);

    public Points {
        if (value < 0) {
            throw new IllegalArgumentException("points cannot be negative: " + value);
        }
    }

    public static Points of(long value) {
        return new Points(value);
    }

    public Points plus(Points other) {
        return new Points(Math.addExact(value, other.value));
    }

    public Points minus(Points other) {
        return new Points(Math.subtractExact(value, other.value));
    }

    public Points min(Points other) {
        return value <= other.value ? this : other;
    }

    public boolean isZero() {
        return value == 0;
    }

    public boolean isLessThan(Points other) {
        return value < other.value;
    }

    @Override
    public int compareTo(Points other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " pts";
    }
}
