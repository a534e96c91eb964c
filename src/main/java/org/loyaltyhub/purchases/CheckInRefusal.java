package org.loyaltyhub.purchases;

/** Why a check-in was refused; nothing is recorded for a refused one. */
public enum CheckInRefusal {
    /** No store of the circuit by that id. */
    UNKNOWN_STORE,
    /** The store has no coordinates: check in with its poster's code. */
    STORE_WITHOUT_POSITION,
    /** The phone's position is outside the store's check-in radius. */
    TOO_FAR,
    /** The poster's code is past its ten minutes (or was never shown). */
    OLD_CODE,
    /** The code belongs to another store's poster. */
    ANOTHER_STORES_CODE,
    /** Not a poster code at all. */
    MALFORMED_CODE,
    /** The member checked in at this store today already. */
    ALREADY_TODAY
}
