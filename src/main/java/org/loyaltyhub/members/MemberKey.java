package org.loyaltyhub.members;

/**
 * What identifies a member: an import refuses a second member with the same one (at the counter a phone may be
 * shared on purpose, a file cannot say so).
 */
public enum MemberKey {
    EMAIL, PHONE, CARD_NUMBER
}
