package org.loyaltyhub.members;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.util.List;

/**
 * The phone number of a new member is already on file (a family often shares one): enrolment waits for the operator
 * to confirm ({@code allowSharedPhone}), so points are not credited to the wrong person by mistake later.
 */
public class SharedPhoneNumber extends LoyaltyException {

    private final List<MemberCandidate> members;

    public SharedPhoneNumber(int sharing, List<MemberCandidate> visible) {
        super("phone-shared", Failure.CONFLICT, "This phone number already belongs to " + sharing
                + " member(s); send allowSharedPhone: true to enrol anyway");
        this.members = List.copyOf(visible);
        with("field", "phone").with("candidates", members);
    }

    public List<MemberCandidate> members() {
        return members;
    }
}
