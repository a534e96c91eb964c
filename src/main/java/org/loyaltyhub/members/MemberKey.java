package org.loyaltyhub.members;

/**
 * What identifies a member: an import refuses a second member with the same one (at the counter a phone may be
 * shared on purpose, a file cannot say so). {@code SHOP_ID} is a customer id in a connected shop.
 */
public enum MemberKey {
    EMAIL, PHONE, CARD_NUMBER, SHOP_ID
}
