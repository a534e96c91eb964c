package org.loyaltyhub.members;

/** A member granted or withdrew a consent. */
public record ConsentChanged(long circuitId, long memberId, ConsentKind kind, boolean granted, Long companyId,
                             String actor) {
}
