package org.loyaltyhub.integrations.internal;

/**
 * A signed delivery whose content can never be processed (an impossible amount: too large, too precise, not a
 * number): trying it again would give the same answer, so it fails at once with the reason and is not retried.
 */
public class UnusableDelivery extends IllegalArgumentException {

    public UnusableDelivery(String reason) {
        super(reason);
    }
}
