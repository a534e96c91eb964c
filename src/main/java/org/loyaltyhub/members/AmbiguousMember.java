package org.loyaltyhub.members;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.util.List;

/** A phone number, e-mail or name fits several members: the operator chooses among the candidates, nobody guesses. */
public class AmbiguousMember extends LoyaltyException {

    private final List<MemberCandidate> candidates;

    public AmbiguousMember(String what, List<MemberCandidate> candidates) {
        super("ambiguous-member", Failure.CONFLICT, candidates.size() + " members fit " + what + ": name one by id or card");
        this.candidates = List.copyOf(candidates);
        with("candidates", this.candidates);
    }

    public List<MemberCandidate> candidates() {
        return candidates;
    }
}
