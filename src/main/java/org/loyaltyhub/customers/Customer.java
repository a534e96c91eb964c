package org.loyaltyhub.customers;

/** A customer signed in to the customer area of one circuit. */
public record Customer(long circuitId, long memberId) implements java.io.Serializable {
}
