package org.loyaltyhub.ledger;

/**
 * What a member's balance is for, and so in which unit it counts: points, or money in the circuit's currency
 * (minor units, cents for EUR). Each purpose has its own trio of member accounts (available, pending, held) and its
 * own circuit accounts where value comes from and ends; an entry balances per unit. Prepaid credit is the next
 * money purpose: a new constant with its six account kinds.
 */
public enum Purpose {
    POINTS(false),
    /** The cashback wallet: a share of what a member paid, given back as money to spend at the circuit. */
    CASHBACK(true),
    /** Accumulated discounts (seed 002 "Sconti accumulati"): discount value gathered on purchases, spent later. */
    DISCOUNT(true);

    private final boolean money;

    Purpose(boolean money) {
        this.money = money;
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
        };
    }

    public AccountKind pending() {
        return switch (this) {
            case POINTS -> AccountKind.MEMBER_PENDING;
            case CASHBACK -> AccountKind.CASHBACK_PENDING;
            case DISCOUNT -> AccountKind.DISCOUNT_PENDING;
        };
    }

    public AccountKind held() {
        return switch (this) {
            case POINTS -> AccountKind.MEMBER_HELD;
            case CASHBACK -> AccountKind.CASHBACK_HELD;
            case DISCOUNT -> AccountKind.DISCOUNT_HELD;
        };
    }

    /** Where the purpose's value comes from. */
    public AccountKind issuance() {
        return switch (this) {
            case POINTS -> AccountKind.CIRCUIT_ISSUANCE;
            case CASHBACK -> AccountKind.CASHBACK_ISSUANCE;
            case DISCOUNT -> AccountKind.DISCOUNT_ISSUANCE;
        };
    }

    /** Where spent value ends. */
    public AccountKind redeemed() {
        return switch (this) {
            case POINTS -> AccountKind.REDEEMED;
            case CASHBACK -> AccountKind.CASHBACK_REDEEMED;
            case DISCOUNT -> AccountKind.DISCOUNT_REDEEMED;
        };
    }

    /** Where expired value ends. */
    public AccountKind expired() {
        return switch (this) {
            case POINTS -> AccountKind.EXPIRED;
            case CASHBACK -> AccountKind.CASHBACK_EXPIRED;
            case DISCOUNT -> AccountKind.DISCOUNT_EXPIRED;
        };
    }
}
