package org.loyaltyhub.clearing.internal;

/** A side of a flow: a company of the circuit, or the circuit itself ({@code companyId} null). */
public record Party(Long companyId) implements Comparable<Party> {

    public static final Party CIRCUIT = new Party(null);

    public static Party of(Long companyId) {
        return companyId == null ? CIRCUIT : new Party(companyId);
    }

    public boolean circuit() {
        return companyId == null;
    }

    /** The circuit first, then companies by id: a stable order for pairs and lock-free netting. */
    @Override
    public int compareTo(Party other) {
        if (circuit() || other.circuit()) {
            return Boolean.compare(!circuit(), !other.circuit());
        }
        return Long.compare(companyId, other.companyId);
    }
}
