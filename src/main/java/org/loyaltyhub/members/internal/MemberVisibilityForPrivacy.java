package org.loyaltyhub.members.internal;

import org.loyaltyhub.privacy.MemberVisibility;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Component;

/** Lends the privacy module the one rule of who sees which member ({@link MemberService#visible}). */
@Component
class MemberVisibilityForPrivacy implements MemberVisibility {

    private final MemberService members;

    MemberVisibilityForPrivacy(MemberService members) {
        this.members = members;
    }

    @Override
    public void requireVisible(Caller caller, long memberId) {
        members.visible(caller, memberId);
    }
}
