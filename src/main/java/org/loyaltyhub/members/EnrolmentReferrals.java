package org.loyaltyhub.members;

import org.loyaltyhub.tenancy.Caller;

/**
 * The referral code a customer gives on the counter's enrolment form, handed to whoever records referrals (the
 * marketing module implements it; members must not depend on marketing, which depends on members).
 */
public interface EnrolmentReferrals {

    /**
     * Records that the code's owner referred the member just enrolled; false when the referral is refused (the refusal
     * is recorded with its reason, the enrolment stands).
     */
    boolean referred(Caller caller, long memberId, String code);
}
