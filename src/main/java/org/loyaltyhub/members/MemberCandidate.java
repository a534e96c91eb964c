package org.loyaltyhub.members;

/** One of several members a look-up could mean, with what lets the operator tell them apart. */
public record MemberCandidate(long id, String cardNumber, String name, String city) {

    public static MemberCandidate of(Member m) {
        return new MemberCandidate(m.id(), m.card() == null ? null : m.card().number(), m.displayName(), m.city());
    }
}
