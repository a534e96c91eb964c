package org.loyaltyhub.marketing.landing;

/**
 * What a landing page's button leads to: the sign-up form, a coupon campaign's code to claim (the customer's coupons
 * when no campaign is named), or booking a bookable.
 */
public enum CallToAction {
    JOIN, COUPON, BOOK
}
