package org.loyaltyhub.purchases;

/** Why a receipt code a member typed or scanned was not accepted; nothing is recorded for a refused code. */
public enum ReceiptRefusal {
    /** The circuit does not take receipt codes from its members. */
    NOT_ACCEPTED,
    /** Not a receipt code: wrong length, letters outside the alphabet, unknown version. */
    MALFORMED,
    /** The code names a store that is not one of the circuit's. */
    UNKNOWN_STORE,
    /** The signature does not match the store's key: altered or invented. */
    FORGED,
    /** This receipt was claimed already (by this member or another). */
    ALREADY_CLAIMED,
    /** The receipt is older than the circuit accepts. */
    TOO_OLD,
    /** The receipt's time is later than now. */
    IN_THE_FUTURE,
    /** The member's receipts today would pass the circuit's daily amount. */
    DAILY_LIMIT
}
