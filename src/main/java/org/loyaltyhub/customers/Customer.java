package org.loyaltyhub.customers;

/** A customer signed in to the customer area of one circuit. */
public record Customer(long circuitId, long memberId) implements java.io.Serializable,
        org.loyaltyhub.shared.TenantWall.Tenant {

    /** The customer area runs behind its circuit's wall. */
    @Override
    public long tenantCircuitId() {
        return circuitId;
    }
}
