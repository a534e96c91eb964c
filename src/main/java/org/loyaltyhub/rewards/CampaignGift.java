package org.loyaltyhub.rewards;

/** What a coupon campaign gives: a voucher of one of the till kinds, or bonus points credited when the code is used. */
public enum CampaignGift {
    FIXED_AMOUNT, PERCENT, FREE_PRODUCT, FREE_SHIPPING, BONUS_POINTS;

    /** The voucher kind it gives at a till; null for bonus points. */
    public RewardKind voucherKind() {
        return this == BONUS_POINTS ? null : RewardKind.valueOf(name());
    }
}
