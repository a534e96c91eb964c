package org.loyaltyhub.marketing.landing;

/** What a landing page's button leads to: the sign-up form, the customer's coupons, or booking a bookable. */
public enum CallToAction {
    JOIN, COUPON, BOOK
}
