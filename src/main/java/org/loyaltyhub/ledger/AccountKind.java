package org.loyaltyhub.ledger;

/**
 * What an account is for. Accounts with a floor keep a locked balance row and may never go below zero; the
 * circuit's open-ended accounts (where points come from and where they end) derive their balance from postings.
 */
public enum AccountKind {
    MEMBER_AVAILABLE(true),
    MEMBER_PENDING(true),
    MEMBER_HELD(true),
    COMPANY_BUDGET(true),
    CIRCUIT_ISSUANCE(false),
    REDEEMED(false),
    EXPIRED(false),
    ADJUSTMENTS(false);

    private final boolean floored;

    AccountKind(boolean floored) {
        this.floored = floored;
    }

    /** Never below zero; kept as a balance row locked by every posting. */
    public boolean floored() {
        return floored;
    }

    /** Credits create lots (issuer, expiry) and debits consume them oldest-expiring first. */
    public boolean tracksLots() {
        return this == MEMBER_AVAILABLE;
    }

    public boolean ownedByMember() {
        return this == MEMBER_AVAILABLE || this == MEMBER_PENDING || this == MEMBER_HELD;
    }
}
