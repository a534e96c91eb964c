package org.loyaltyhub.marketing;

/** Why a referral was refused (recorded with the attempt). */
public enum RefusalReason {
    /** The circuit's referral program is off. */
    PROGRAM_OFF,
    /** No member of the circuit has this code. */
    UNKNOWN_CODE,
    /** The friend is the referrer: the same member, e-mail, phone, card or shop customer. */
    SELF_REFERRAL,
    /** The friend already has a referrer (one referrer per member). */
    ALREADY_REFERRED,
    /** The friend is in the referrer's own upline: the referral would close a loop. */
    CIRCULAR,
    /** The referrer reached the circuit's daily number of referrals. */
    DAILY_CAP
}
