package org.loyaltyhub.marketing;

/**
 * The named RFM segments a member can be in (segment condition {@code RFM_SEGMENT}). Marketing owns the names, as it
 * owns segments; {@code analytics} scores members nightly and maps their recency, frequency and monetary quintiles to
 * one of these ({@code analytics.RfmGrid}, where the grid is written once).
 */
public enum RfmSegment {
    CHAMPIONS, LOYAL, POTENTIAL_LOYALISTS, NEW_CUSTOMERS, PROMISING, NEED_ATTENTION, ABOUT_TO_SLEEP, AT_RISK,
    CANNOT_LOSE, HIBERNATING
}
