package org.loyaltyhub.billing.internal;

/** Where a recharge request stands: requested, then approved or refused by the circuit, or cancelled by its company. */
public enum RechargeStatus {
    REQUESTED, APPROVED, REFUSED, CANCELLED;

    public boolean open() {
        return this == REQUESTED;
    }
}
