package org.loyaltyhub.marketing;

/** Where a referred friend signed up with a referral code. */
public enum ReferralChannel {
    /** The circuit's loyalty space, its sign-up page opened from a referral link. */
    LOYALTY_SPACE,
    /** A connected shop, through the storefront widget. */
    SHOP_WIDGET,
    /** The counter's enrolment form. */
    COUNTER,
    /** A client of the REST API. */
    API
}
