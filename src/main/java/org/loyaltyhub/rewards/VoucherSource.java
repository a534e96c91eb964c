package org.loyaltyhub.rewards;

/** What issued a voucher: a member's claim of a reward, or (later) a coupon campaign. */
public enum VoucherSource {
    REWARD_CLAIM, CAMPAIGN
}
