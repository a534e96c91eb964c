package org.loyaltyhub.ledger;

/**
 * What an account is for. Accounts with a floor keep a locked balance row and may never go below zero; the
 * circuit's open-ended accounts (where value comes from and where it ends) derive their balance from postings.
 * Each kind belongs to one {@link Purpose}, which gives its unit: points, or the circuit's currency.
 */
public enum AccountKind {
    MEMBER_AVAILABLE(true, Purpose.POINTS),
    MEMBER_PENDING(true, Purpose.POINTS),
    MEMBER_HELD(true, Purpose.POINTS),
    COMPANY_BUDGET(true, Purpose.POINTS),
    CIRCUIT_ISSUANCE(false, Purpose.POINTS),
    REDEEMED(false, Purpose.POINTS),
    EXPIRED(false, Purpose.POINTS),
    ADJUSTMENTS(false, Purpose.POINTS),
    CASHBACK_AVAILABLE(true, Purpose.CASHBACK),
    CASHBACK_PENDING(true, Purpose.CASHBACK),
    CASHBACK_HELD(true, Purpose.CASHBACK),
    CASHBACK_ISSUANCE(false, Purpose.CASHBACK),
    CASHBACK_REDEEMED(false, Purpose.CASHBACK),
    CASHBACK_EXPIRED(false, Purpose.CASHBACK),
    DISCOUNT_AVAILABLE(true, Purpose.DISCOUNT),
    DISCOUNT_PENDING(true, Purpose.DISCOUNT),
    DISCOUNT_HELD(true, Purpose.DISCOUNT),
    DISCOUNT_ISSUANCE(false, Purpose.DISCOUNT),
    DISCOUNT_REDEEMED(false, Purpose.DISCOUNT),
    DISCOUNT_EXPIRED(false, Purpose.DISCOUNT),
    PREPAID_AVAILABLE(true, Purpose.PREPAID),
    PREPAID_PENDING(true, Purpose.PREPAID),
    PREPAID_HELD(true, Purpose.PREPAID),
    /** What customers paid for prepaid credit and gift cards. */
    PREPAID_ISSUANCE(false, Purpose.PREPAID),
    /** Bonus credit given on a sale ("pay 50, get 55"), funded by the selling company (the issuer of its lot). */
    PREPAID_BONUS(false, Purpose.PREPAID),
    PREPAID_REDEEMED(false, Purpose.PREPAID),
    PREPAID_EXPIRED(false, Purpose.PREPAID),
    GIFT_CARD_AVAILABLE(true, Purpose.GIFT_CARD),
    GIFT_CARD_PENDING(true, Purpose.GIFT_CARD),
    GIFT_CARD_HELD(true, Purpose.GIFT_CARD),
    /** A company's SMS credits (its owner is the company). */
    SMS_CREDITS(true, Purpose.SMS),
    /** Where SMS credits come from: the circuit's recharges. */
    SMS_ISSUANCE(false, Purpose.SMS),
    /** Where the credits of SMS sent end. */
    SMS_SPENT(false, Purpose.SMS);

    private final boolean floored;
    private final Purpose purpose;

    AccountKind(boolean floored, Purpose purpose) {
        this.floored = floored;
        this.purpose = purpose;
    }

    /** Never below zero; kept as a balance row locked by every posting. */
    public boolean floored() {
        return floored;
    }

    public Purpose purpose() {
        return purpose;
    }

    /** Counted in the circuit's currency (minor units) rather than points. */
    public boolean money() {
        return purpose.money();
    }

    /** Credits create lots (issuer, expiry) and debits consume them oldest-expiring first. */
    public boolean tracksLots() {
        return purpose.heldByHolders() && this == purpose.available();
    }

    /** Owned by a holder: a member, or a gift card for {@link Purpose#GIFT_CARD} (see {@link Purpose#heldByMember()}). */
    public boolean ownedByMember() {
        return purpose.heldByHolders()
                && (this == purpose.available() || this == purpose.pending() || this == purpose.held());
    }
}
