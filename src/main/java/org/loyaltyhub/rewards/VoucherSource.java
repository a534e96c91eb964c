package org.loyaltyhub.rewards;

/**
 * What issued a voucher: a member's claim of a reward, a coupon campaign, a referral award (a reward given), or a
 * promotion or funnel (no points spent).
 */
public enum VoucherSource {
    REWARD_CLAIM, CAMPAIGN, REFERRAL, PROMOTION
}
