package org.loyaltyhub.privacy;

/** A member's personal data was erased (published in the erasing transaction); the id stays, anonymous. */
public record MemberErased(long circuitId, long memberId, ErasureSource source) {
}
