package org.loyaltyhub.rewards;

/** What issued a voucher: a member's claim of a reward, a coupon campaign, or a referral award (a reward given). */
public enum VoucherSource {
    REWARD_CLAIM, CAMPAIGN, REFERRAL
}
