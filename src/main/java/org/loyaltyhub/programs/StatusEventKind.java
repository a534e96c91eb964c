package org.loyaltyhub.programs;

/** What changed in a member's status. */
public enum StatusEventKind {
    TIER_UP, TIER_DOWN, TIER_SET_MANUALLY, TIER_MANUAL_ENDED,
    BADGE_EARNED, BADGE_LOST,
    MEMBERSHIP_STARTED, MEMBERSHIP_RENEWED, MEMBERSHIP_SHORTENED, MEMBERSHIP_ENDED
}
