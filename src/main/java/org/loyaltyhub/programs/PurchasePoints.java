package org.loyaltyhub.programs;

/** Points a purchase has produced so far: pending, available, and the points its full amount is worth. */
public record PurchasePoints(long base, long pending, long available) {
}
