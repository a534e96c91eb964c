package org.loyaltyhub.ledger;

/**
 * What a member's balance is for, and so in which unit it counts: points, or money in the circuit's currency
 * (minor units, cents for EUR). Each purpose has its own trio of member accounts (available, pending, held) and its
 * own circuit accounts where value comes from and ends; an entry balances per unit. A new money purpose is a new
 * constant with its account kinds.
 */
public enum Purpose {
    POINTS(false, true),
    /** The cashback wallet: a share of what a member paid, given back as money to spend at the circuit. */
    CASHBACK(true, true),
    /** Accumulated discounts (seed 002 "Sconti accumulati"): discount value gathered on purchases, spent later. */
    DISCOUNT(true, true),
    /** Prepaid credit (seed 002 "Credito prepagato"): money a member paid in advance at a company, with its bonus. */
    PREPAID(true, true),
    /**
     * Prepaid credit on an anonymous gift card: its accounts are owned by the card (the owner id is the card's id, not
     * a member's) until a member attaches it; it comes from and ends in the prepaid credit's circuit accounts.
     */
    GIFT_CARD(true, false),
    /**
     * SMS credits (seed 002 "Crediti SMS"): a company's means of sending SMS, counted in credits (unit {@code SMS}, one
     * credit a segment), recharged by the circuit and spent on each send. Held by companies: no member accounts, no
     * lots, holds or expiry.
     */
    SMS(false, false);

    private final boolean money;
    private final boolean heldByMember;

    Purpose(boolean money, boolean heldByMember) {
        this.money = money;
        this.heldByMember = heldByMember;
    }

    /**
     * The owner of the purpose's available, pending and held accounts is a member; false for gift cards, whose
     * entries name no member.
     */
    public boolean heldByMember() {
        return heldByMember;
    }

    /**
     * Value that members (or gift cards) hold: it has available, pending and held accounts, lots, holds and expiry.
     * False for {@link #SMS}, whose credits a company holds.
     */
    public boolean heldByHolders() {
        return this != SMS;
    }

    /** The unit its accounts count in: {@code PTS}, the circuit's currency (minor units), or {@code SMS} credits. */
    public String unit(String circuitCurrency) {
        return money ? circuitCurrency : this == SMS ? "SMS" : "PTS";
    }

    /** A member's money wallet: a money purpose whose accounts a member owns. */
    public boolean memberWallet() {
        return money && heldByMember;
    }

    /** Counted in the circuit's currency (minor units), not in points. */
    public boolean money() {
        return money;
    }

    public AccountKind available() {
        return switch (this) {
            case POINTS -> AccountKind.MEMBER_AVAILABLE;
            case CASHBACK -> AccountKind.CASHBACK_AVAILABLE;
            case DISCOUNT -> AccountKind.DISCOUNT_AVAILABLE;
            case PREPAID -> AccountKind.PREPAID_AVAILABLE;
            case GIFT_CARD -> AccountKind.GIFT_CARD_AVAILABLE;
            case SMS -> throw noHolders();
        };
    }

    public AccountKind pending() {
        return switch (this) {
            case POINTS -> AccountKind.MEMBER_PENDING;
            case CASHBACK -> AccountKind.CASHBACK_PENDING;
            case DISCOUNT -> AccountKind.DISCOUNT_PENDING;
            case PREPAID -> AccountKind.PREPAID_PENDING;
            case GIFT_CARD -> AccountKind.GIFT_CARD_PENDING;
            case SMS -> throw noHolders();
        };
    }

    public AccountKind held() {
        return switch (this) {
            case POINTS -> AccountKind.MEMBER_HELD;
            case CASHBACK -> AccountKind.CASHBACK_HELD;
            case DISCOUNT -> AccountKind.DISCOUNT_HELD;
            case PREPAID -> AccountKind.PREPAID_HELD;
            case GIFT_CARD -> AccountKind.GIFT_CARD_HELD;
            case SMS -> throw noHolders();
        };
    }

    /** Where the purpose's value comes from. */
    public AccountKind issuance() {
        return switch (this) {
            case POINTS -> AccountKind.CIRCUIT_ISSUANCE;
            case CASHBACK -> AccountKind.CASHBACK_ISSUANCE;
            case DISCOUNT -> AccountKind.DISCOUNT_ISSUANCE;
            case PREPAID -> AccountKind.PREPAID_ISSUANCE;
            case GIFT_CARD -> AccountKind.PREPAID_ISSUANCE;
            case SMS -> AccountKind.SMS_ISSUANCE;
        };
    }

    /** Where spent value ends. */
    public AccountKind redeemed() {
        return switch (this) {
            case POINTS -> AccountKind.REDEEMED;
            case CASHBACK -> AccountKind.CASHBACK_REDEEMED;
            case DISCOUNT -> AccountKind.DISCOUNT_REDEEMED;
            case PREPAID -> AccountKind.PREPAID_REDEEMED;
            case GIFT_CARD -> AccountKind.PREPAID_REDEEMED;
            case SMS -> AccountKind.SMS_SPENT;
        };
    }

    /** Where expired value ends. */
    public AccountKind expired() {
        return switch (this) {
            case POINTS -> AccountKind.EXPIRED;
            case CASHBACK -> AccountKind.CASHBACK_EXPIRED;
            case DISCOUNT -> AccountKind.DISCOUNT_EXPIRED;
            case PREPAID -> AccountKind.PREPAID_EXPIRED;
            case GIFT_CARD -> AccountKind.PREPAID_EXPIRED;
            case SMS -> throw noHolders();
        };
    }

    private IllegalStateException noHolders() {
        return new IllegalStateException(this + " has no member accounts, lots or expiry (see heldByHolders)");
    }
}
