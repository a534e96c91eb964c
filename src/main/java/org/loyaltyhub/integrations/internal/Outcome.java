package org.loyaltyhub.integrations.internal;

/** What processing a delivery came to: done, or deliberately ignored with the reason; and whose data it held. */
public record Outcome(Delivery.Status status, String note, String customerRef) {

    public static Outcome processed(String note, String customerRef) {
        return new Outcome(Delivery.Status.PROCESSED, note, customerRef);
    }

    public static Outcome ignored(String reason, String customerRef) {
        return new Outcome(Delivery.Status.IGNORED, reason, customerRef);
    }
}
