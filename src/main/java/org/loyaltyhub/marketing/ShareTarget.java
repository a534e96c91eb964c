package org.loyaltyhub.marketing;

/** What a member's shared link leads to: the member's referral (sign-up) link, or a store of the circuit. */
public enum ShareTarget {
    REFERRAL, STORE
}
