package org.loyaltyhub.billing.internal;

/** An invoice's number: its year and its place in the circuit's sequence for that year, shown as {@code 2026/0001}. */
public record InvoiceNumber(int year, int sequence) {

    public InvoiceNumber {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("an invoice sequence starts at 1: " + sequence);
        }
    }

    @Override
    public String toString() {
        return year + "/" + String.format("%04d", sequence);
    }
}
