package org.loyaltyhub.rewards;

/** How a campaign's codes are made: one shared code (such as SUMMER10) used once per member, or unique single-use codes. */
public enum CodeMode {
    SHARED, UNIQUE
}
