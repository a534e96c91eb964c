package org.loyaltyhub.programs;

/**
 * Purchases made before they reached LoyaltyHub (another system's history, imported): they count in the member's
 * activity of their own month, what tiers qualify on, and earn points only when asked.
 */
public interface PastEarning {

    /**
     * Counts a purchase just recorded ({@code facts.fresh()}, with its {@code occurredAt}) in the activity of the month
     * it happened, and, when {@code points} is true, credits what the program's earning rule gives for its amount
     * net of refunds (no tier or membership multipliers, no promotions, referral rewards or cashback), as a lot that
     * expires as if earned on the purchase's day: nothing when that day is already past the validity. Returns the
     * points credited, available at once.
     */
    PurchasePoints settlePast(PurchaseFacts facts, boolean points);
}
